package com.nexustrade.auth.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Dropwizard puts {@code log-level} and {@code gc} tasks on every admin port, with no authentication and no way
 * to unregister them. {@code log-level} can turn Jetty up to DEBUG (secrets and tokens in the log) or the security
 * event logger OFF (no audit trail); nothing here needs either at run time, so {@code /tasks/*} does not exist.
 * Log levels change through the configuration file and a restart.
 */
public final class AdminTasksRemoved implements Filter {

    public static final String PATH = "/tasks/*";
    private static final byte[] BODY = "{\"error\":\"not_found\",\"error_description\":\"No such endpoint.\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(404);
        http.setContentType("application/json; charset=utf-8");
        http.setHeader("Cache-Control", "no-store");
        http.setContentLength(BODY.length);
        http.getOutputStream().write(BODY);
    }
}
