package com.nexustrade.repro.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A POST as it goes out, whichever client sends it: the headers in their order (Accept, the target's --header
 * extras, then the request's own) and the body. The JDK client and the load workers' keep-alive socket both send it from
 * here, so comparing the two compares transports, not requests.
 */
record PostRequest(URI uri, List<Map.Entry<String, String>> headers, String body) {

    PostRequest {
        headers = List.copyOf(headers);
    }
}
