package com.nexustrade.auth.server;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.request.logging.RequestLogFactory;

/**
 * The access log records the method, the path and the protocol, never the query string: a misbehaving client
 * may put a token there ({@code ?access_token=}), and the request log would keep it in plaintext. Dropwizard's
 * default line ({@code "%r"}, the whole request line) is replaced in every appender that has no format of its own;
 * an operator who sets {@code logFormat} chooses for themselves (docs/operations.md says which fields to avoid).
 */
public final class AccessLogWithoutQuery {

    /** Dropwizard's default layout with the request line rebuilt from method, path (%U, no query) and protocol. */
    public static final String FORMAT = "%h %l %u [%t{dd/MMM/yyyy:HH:mm:ss Z,UTC}] \"%m %U %H\" %s %b "
            + "\"-\" \"%i{User-Agent}\" %D";

    private AccessLogWithoutQuery() {
    }

    public static void apply(ServerFactory serverFactory) {
        if (!(serverFactory instanceof AbstractServerFactory server)) {
            return;
        }
        RequestLogFactory<?> requestLog = server.getRequestLogFactory();
        if (requestLog instanceof LogbackAccessRequestLogFactory logback) {
            for (AppenderFactory<?> appender : logback.getAppenders()) {
                if (appender instanceof AbstractAppenderFactory<?> configurable && configurable.getLogFormat() == null) {
                    configurable.setLogFormat(FORMAT);
                }
            }
        }
    }
}
