package com.nexustrade.repro.load;

import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.ConnectionCounts;
import com.nexustrade.repro.http.HttpTransport;
import com.nexustrade.repro.http.RefreshSender;

import java.util.Map;

/**
 * How a load check's workers send their refreshes, and what their connections did, in the words and keys the
 * report uses for both checks: runs of the two clients must not be compared unawares.
 */
final class LoadTransport {

    private final HttpTransport transport;
    private final ConnectionCounts connections = new ConnectionCounts();

    LoadTransport(HttpTransport transport) {
        this.transport = transport;
    }

    /** One worker's sender; the worker closes it when it ends. */
    RefreshSender sender(AuthClient client) {
        return client.refreshSender(transport, connections);
    }

    String evidenceLine() {
        if (transport == HttpTransport.JDK) {
            return "HTTP client: jdk (java.net.http.HttpClient, HTTP/1.1, its own connection pool)";
        }
        return "HTTP client: socket (one HTTP/1.1 keep-alive connection per worker): " + connections.opened()
                + " connections opened, " + connections.resent() + " refreshes resent after the server closed an idle connection";
    }

    void putFacts(Map<String, Object> facts) {
        facts.put("http_client", transport.optionValue());
        if (transport == HttpTransport.SOCKET) {
            facts.put("connections_opened", connections.opened());
            facts.put("refreshes_resent", connections.resent());
        }
    }
}
