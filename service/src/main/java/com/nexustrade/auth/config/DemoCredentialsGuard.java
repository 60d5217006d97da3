package com.nexustrade.auth.config;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's password and secret are printed in the README. They may listen on loopback (a laptop), never
 * beyond it: a bootstrap entry that still carries one, on a connector bound to anything but a loopback
 * address, stops the start with one sentence saying what to change.
 */
public final class DemoCredentialsGuard {

    /** The defaults of config.yml ({@code DEMO_TRADER_PASSWORD}, {@code DEMO_ORDERS_SECRET}). */
    static final Set<String> PUBLISHED = Set.of("trader1-demo-password", "orders-demo-secret");

    private DemoCredentialsGuard() {
    }

    /** @throws UnsafeConfigurationException when a published credential would be reachable from other hosts */
    public static void check(BootstrapSettings bootstrap, ServerFactory server) {
        Optional<String> exposedOn = nonLoopbackBind(server);
        if (exposedOn.isEmpty()) {
            return;
        }
        for (BootstrapUser user : bootstrap.getUsers()) {
            if (PUBLISHED.contains(user.password())) {
                throw refusal("the demo password of bootstrap user '" + user.username() + "'", exposedOn.get(),
                        "DEMO_TRADER_PASSWORD");
            }
        }
        for (BootstrapService service : bootstrap.getServices()) {
            if (PUBLISHED.contains(service.secret())) {
                throw refusal("the demo secret of bootstrap service '" + service.id() + "'", exposedOn.get(),
                        "DEMO_ORDERS_SECRET");
            }
        }
    }

    private static UnsafeConfigurationException refusal(String what, String bindHost, String variable) {
        return new UnsafeConfigurationException("Refusing to start: " + what + " is published in the README and a "
                + "connector listens on " + bindHost + "; set " + variable + " (or remove the bootstrap entry) or bind "
                + "every connector to 127.0.0.1.");
    }

    /** The first connector bind address that is not loopback; no bindHost means every interface. */
    static Optional<String> nonLoopbackBind(ServerFactory server) {
        for (ConnectorFactory connector : connectors(server)) {
            if (connector instanceof HttpConnectorFactory http) {
                String host = http.getBindHost();
                if (host == null || host.isBlank()) {
                    return Optional.of("0.0.0.0 (no bindHost)");
                }
                if (!isLoopback(host)) {
                    return Optional.of(host);
                }
            }
        }
        return Optional.empty();
    }

    private static List<ConnectorFactory> connectors(ServerFactory server) {
        List<ConnectorFactory> all = new ArrayList<>();
        if (server instanceof DefaultServerFactory factory) {
            all.addAll(factory.getApplicationConnectors());
            all.addAll(factory.getAdminConnectors());
        } else if (server instanceof SimpleServerFactory factory) {
            all.add(factory.getConnector());
        }
        return all;
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException unresolvable) {
            return false;
        }
    }
}
