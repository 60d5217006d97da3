package com.nexustrade.auth.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;

/**
 * {@code X-Content-Type-Options: nosniff} on every response: a browser must never guess that an error body
 * echoing client input is HTML. Added per connection before any handler runs, so Jersey's answers, Jetty's own
 * error pages and the admin port all carry it; {@code JsonErrorHandler} adds it to the answers Jetty gives
 * before a request exists (a malformed request line).
 */
public final class NoSniff implements HttpConfiguration.Customizer {

    public static final String HEADER = "X-Content-Type-Options";
    public static final String VALUE = "nosniff";

    /** Installs the customizer on every HTTP connector of the server. */
    public static void installOn(Server server) {
        // Dropwizard wraps each connection factory in a metrics one: the configurations are found among the beans.
        for (HttpConfiguration configuration : server.getContainedBeans(HttpConfiguration.class)) {
            if (configuration.getCustomizer(NoSniff.class) == null) {
                configuration.addCustomizer(new NoSniff());
            }
        }
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        responseHeaders.put(HEADER, VALUE);
        return request;
    }
}
