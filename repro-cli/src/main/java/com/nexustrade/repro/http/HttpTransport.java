package com.nexustrade.repro.http;

import java.util.Locale;

/** How the load commands' workers send their refreshes; --http-client names them in lower case. */
public enum HttpTransport {

    /** java.net.http.HttpClient with its own connection pool, kept for comparison with older runs. */
    JDK,

    /** One HTTP/1.1 keep-alive connection per worker, written and read by repro ({@link KeepAliveConnection}). */
    SOCKET;

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
