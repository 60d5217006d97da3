package com.nexustrade.repro.http;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench's two HTTP clients must send the same refresh, or comparing them would compare requests: the same
 * request line, headers and body, whichever profile. Only the JDK client's own User-Agent differs.
 */
class RefreshSenderTest {

    private static final String TOKEN = "tok/1+ü"; // characters a form body must encode

    /** The refresh of each transport, as the server read them: JDK first, then the socket. */
    private static List<ScriptedServer.Request> bothRefreshes(ScriptedServer server, AuthClient client) throws Exception {
        ConnectionCounts counts = new ConnectionCounts();
        for (HttpTransport transport : HttpTransport.values()) {
            try (RefreshSender sender = client.refreshSender(transport, counts)) {
                HttpAnswer answer = sender.refresh(TOKEN);
                assertThat(answer.status()).as(transport + ": " + answer.outcome()).isEqualTo(200);
                assertThat(client.successor(answer, TOKEN)).contains("successor");
            }
        }
        assertThat(counts.opened()).isEqualTo(1); // the socket's; the JDK client has its own pool
        return server.requests();
    }

    private static ScriptedServer serverAnsweringTwice() throws Exception {
        ScriptedServer.Script answer = connection -> {
            connection.read();
            connection.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 49\r\n\r\n"
                    + "{\"access_token\":\"at\",\"refresh_token\":\"successor\"}");
        };
        return new ScriptedServer(answer, answer);
    }

    private static Map<String, String> withoutUserAgent(Map<String, String> headers) {
        Map<String, String> rest = new LinkedHashMap<>(headers);
        rest.remove("user-agent");
        return rest;
    }

    private static void assertSameRequest(List<ScriptedServer.Request> requests) {
        assertThat(requests).hasSize(2);
        ScriptedServer.Request jdk = requests.get(0);
        ScriptedServer.Request socket = requests.get(1);
        assertThat(socket.line()).isEqualTo(jdk.line());
        assertThat(socket.body()).isEqualTo(jdk.body());
        assertThat(withoutUserAgent(socket.headers())).containsExactlyInAnyOrderEntriesOf(withoutUserAgent(jdk.headers()));
        assertThat(jdk.headers()).containsKey("user-agent"); // so the line above did compare something
        assertThat(socket.headers()).doesNotContainKey("user-agent");
    }

    @Test
    void contractRefreshIsTheSameJsonOverBothClients() throws Exception {
        try (ScriptedServer server = serverAnsweringTwice()) {
            Target target = new Target(URI.create(server.baseUrl() + "/gateway"), EndpointPaths.CONTRACT,
                    List.of(new ExtraHeader("X-Api-Key", "k-123")), Duration.ofSeconds(5), false);

            List<ScriptedServer.Request> requests = bothRefreshes(server, new AuthClient(target));

            assertSameRequest(requests);
            ScriptedServer.Request socket = requests.get(1);
            assertThat(socket.line()).isEqualTo("POST /gateway/auth/refresh HTTP/1.1");
            assertThat(socket.body()).isEqualTo("{\"refresh_token\":\"" + TOKEN + "\"}");
            assertThat(socket.headers()).containsEntry("content-type", "application/json")
                    .containsEntry("accept", "application/json").containsEntry("x-api-key", "k-123")
                    .containsEntry("content-length", String.valueOf(socket.body().getBytes(StandardCharsets.UTF_8).length))
                    .containsEntry("host", URI.create(server.baseUrl()).getAuthority());
        }
    }

    @Test
    void oauth2RefreshOfAConfidentialClientIsTheSameFormAndBasicAuthOverBothClients() throws Exception {
        try (ScriptedServer server = serverAnsweringTwice()) {
            TokenApi.OAuth2 api = new TokenApi.OAuth2(URI.create(server.baseUrl() + "/realms/r/token"), "orders", "s3cret:x");
            Target target = new Target(URI.create(server.baseUrl()), EndpointPaths.CONTRACT, List.of(),
                    Duration.ofSeconds(5), false, api);

            List<ScriptedServer.Request> requests = bothRefreshes(server, new AuthClient(target));

            assertSameRequest(requests);
            ScriptedServer.Request socket = requests.get(1);
            assertThat(socket.line()).isEqualTo("POST /realms/r/token HTTP/1.1");
            assertThat(socket.body()).isEqualTo("grant_type=refresh_token&refresh_token=tok%2F1%2B%C3%BC");
            assertThat(socket.headers()).containsEntry("content-type", "application/x-www-form-urlencoded")
                    .containsEntry("authorization", "Basic "
                            + Base64.getEncoder().encodeToString("orders:s3cret%3Ax".getBytes(StandardCharsets.UTF_8)));
        }
    }
}
