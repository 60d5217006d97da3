package com.nexustrade.repro.http;

import java.util.Locale;

/** How the load commands' workers send their refreshes; --http-client names them in lower case. */
public enum HttpTransport {

    /** java.net.http.HttpClient, as every other command uses: http and https, its own connection pool. */
    JDK,

    /** One HTTP/1.1 keep-alive socket per worker, written and read by repro ({@link KeepAliveConnection}): http only. */
    SOCKET;

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
