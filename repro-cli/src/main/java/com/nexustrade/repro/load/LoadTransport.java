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
            return "HTTP client: jdk (java.net.http.HttpClient, HTTP/1.1, its own connection pool; no refresh sent twice)";
        }
        return "HTTP client: socket (one HTTP/1.1 keep-alive connection per worker): " + connections.opened()
                + " connections opened, " + connections.foundClosed() + " found closed by the server and replaced before"
                + " a refresh went out on them; no refresh sent twice";
    }

    /** The logins' connections (repro's own client): logins are safe to send twice, and the report says how often. */
    static String loginLine(ConnectionCounts logins) {
        return "logins: " + logins.opened() + " connections opened, " + logins.foundClosed() + " found closed and replaced, "
                + logins.resent() + " logins sent again after the connection closed before answering";
    }

    void putFacts(Map<String, Object> facts) {
        facts.put("http_client", transport.optionValue());
        if (transport == HttpTransport.SOCKET) {
            facts.put("connections_opened", connections.opened());
            facts.put("connections_found_closed", connections.foundClosed());
        }
    }
}
