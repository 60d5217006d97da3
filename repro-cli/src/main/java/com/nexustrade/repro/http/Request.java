package com.nexustrade.repro.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as it goes out, whichever client sends it: the method, the headers in their order (Accept, the target's
 * --header extras, then the request's own) and the body. repro's own client and the JDK client both send it from here,
 * so comparing the two compares transports, not requests.
 */
record Request(String method, URI uri, List<Map.Entry<String, String>> headers, String body) {

    Request {
        headers = List.copyOf(headers);
    }

    static Request post(URI uri, List<Map.Entry<String, String>> headers, String body) {
        return new Request("POST", uri, headers, body);
    }

    static Request get(URI uri, List<Map.Entry<String, String>> headers) {
        return new Request("GET", uri, headers, "");
    }

    /** The same request with these headers before its own. */
    Request withHeadersFirst(List<Map.Entry<String, String>> first) {
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(first);
        all.addAll(headers);
        return new Request(method, uri, all, body);
    }

    /** The same request with one more header after its own. */
    Request withHeader(String name, String value) {
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(headers);
        all.add(Map.entry(name, value));
        return new Request(method, uri, all, body);
    }

    /** Whether the request itself asks the server to close the connection after answering. */
    boolean asksToClose() {
        return headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Connection")
                && h.getValue().toLowerCase(Locale.ROOT).contains("close"));
    }
}
