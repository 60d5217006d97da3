package com.nexustrade.auth.common;

/**
 * Who is calling, for throttling and security events: the client address (the connection's peer, or the
 * forwarded client when the connector trusts X-Forwarded-For) and the User-Agent, cleaned for logs.
 */
public record ClientContext(String address, String userAgent) {

    private static final int MAX_USER_AGENT = 200;

    public static final ClientContext UNKNOWN = new ClientContext("unknown", "");

    public static ClientContext of(String address, String userAgent) {
        String agent = userAgent == null ? "" : userAgent.replaceAll("\\p{Cntrl}", "?");
        if (agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new ClientContext(address == null ? "unknown" : address, agent);
    }
}
