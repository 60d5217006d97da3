package com.nexustrade.repro.http;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench's keep-alive socket against servers that do what real ones do now and then. The rule under test: a
 * refresh reaches the server once. It is sent again only after an idle connection was closed before any of the
 * answer came, and then counted; an answer cut off or late is a transport error.
 */
class KeepAliveConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ConnectionCounts counts = new ConnectionCounts();

    private KeepAliveConnection connectionTo(ScriptedServer server, Duration timeout) {
        return new KeepAliveConnection(URI.create(server.baseUrl()), timeout, counts);
    }

    private static PostRequest post(ScriptedServer server, String body) {
        return new PostRequest(URI.create(server.baseUrl() + "/auth/refresh"),
                List.of(Map.entry("Accept", "application/json"), Map.entry("Content-Type", "application/json")), body);
    }

    @Test
    void chunkedAnswerIsReadToItsLastChunkAndTheConnectionCarriesTheNextRequest() throws Exception {
        try (ScriptedServer server = new ScriptedServer(connection -> {
            connection.read();
            // header names and values in unusual case, a chunk extension and a trailer: all legal
            connection.write("HTTP/1.1 200 OK\r\nTRANSFER-ENCODING: Chunked\r\ncontent-type: application/json\r\n\r\n"
                    + "9\r\n{\"token\":\r\n" + "5;name=value\r\n\"abc\"\r\n" + "1\r\n}\r\n" + "0\r\nX-Trailer: t\r\n\r\n");
            connection.read();
            connection.answer("{\"second\":true}");
        }); KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            HttpAnswer first = connection.post(post(server, "one"));
            HttpAnswer second = connection.post(post(server, "two"));

            assertThat(first.answered()).as(first.outcome()).isTrue();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("{\"token\":\"abc\"}");
            assertThat(second.body()).isEqualTo("{\"second\":true}");
            assertThat(server.bodies()).containsExactly("one", "two");
            assertThat(counts.opened()).isEqualTo(1);
            assertThat(counts.resent()).isZero();
        }
    }

    @Test
    void connectionCloseIsHonouredSoTheNextRequestGoesOutOnANewConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer(
                connection -> {
                    connection.read();
                    connection.write("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 25\r\n\r\n"
                            + "{\"error\":\"invalid_grant\"");
                    connection.write("}"); // the last byte of the 25 comes in a segment of its own
                },
                connection -> {
                    connection.read();
                    connection.answer("{}");
                }); KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            HttpAnswer refused = connection.post(post(server, "one"));
            HttpAnswer next = connection.post(post(server, "two"));

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.field("error")).isEqualTo("invalid_grant");
            assertThat(next.status()).as(next.outcome()).isEqualTo(200);
            assertThat(server.bodies()).containsExactly("one", "two");
            // Had the client kept the closed connection, its next request would have had to be resent.
            assertThat(counts.opened()).isEqualTo(2);
            assertThat(counts.resent()).isZero();
        }
    }

    @Test
    void idleConnectionClosedByTheServerIsReopenedAndTheRequestReachesTheServerOnce() throws Exception {
        try (ScriptedServer server = new ScriptedServer(
                connection -> {
                    connection.read();
                    connection.answer("{\"n\":1}"); // keep-alive, then the server closes it while idle
                },
                connection -> {
                    connection.read();
                    connection.answer("{\"n\":2}");
                }); KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            assertThat(connection.post(post(server, "one")).status()).isEqualTo(200);
            server.awaitClosedConnections(1);
            HttpAnswer second = connection.post(post(server, "two"));

            assertThat(second.answered()).as(second.outcome()).isTrue();
            assertThat(second.body()).isEqualTo("{\"n\":2}");
            assertThat(server.bodies()).containsExactly("one", "two");
            assertThat(counts.opened()).isEqualTo(2);
            assertThat(counts.resent()).isEqualTo(1);
        }
    }

    @Test
    void answerCutOffHalfwayIsATransportErrorAndTheRequestIsNotSentAgain() throws Exception {
        try (ScriptedServer server = new ScriptedServer(
                connection -> {
                    connection.read();
                    connection.answer("{}");
                    connection.read();
                    // a reused connection, as in the idle case, but this time part of the answer came
                    connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"access_tok");
                },
                connection -> {
                    connection.read();
                    connection.answer("{}");
                }); KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            connection.post(post(server, "one"));
            HttpAnswer cutOff = connection.post(post(server, "two"));
            HttpAnswer next = connection.post(post(server, "three"));

            assertThat(cutOff.answered()).isFalse();
            assertThat(cutOff.failure()).contains("the server closed the connection after", "bytes of the answer");
            assertThat(next.status()).as(next.outcome()).isEqualTo(200);
            // A resend of "two" would have been the second connection's first request.
            assertThat(server.bodies()).containsExactly("one", "two", "three");
            assertThat(counts.resent()).isZero();
        }
    }

    @Test
    void newConnectionClosedWithoutAnAnswerIsATransportErrorNotAResend() throws Exception {
        try (ScriptedServer server = new ScriptedServer(
                ScriptedServer.Connection::read, // reads the request, then closes without a word
                connection -> {
                    connection.read();
                    connection.answer("{}");
                }); KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            HttpAnswer unanswered = connection.post(post(server, "one"));
            HttpAnswer next = connection.post(post(server, "two"));

            assertThat(unanswered.answered()).isFalse();
            assertThat(unanswered.failure()).contains("closed the connection before answering");
            assertThat(next.status()).isEqualTo(200);
            assertThat(server.bodies()).containsExactly("one", "two");
            assertThat(counts.resent()).isZero();
        }
    }

    @Test
    void noAnswerWithinTheTimeoutIsATransportErrorNotAResend() throws Exception {
        CountDownLatch timedOut = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(
                connection -> {
                    connection.read();
                    connection.answer("{}");
                    connection.read();
                    timedOut.await(10, TimeUnit.SECONDS); // holds the answer until the client gave up
                },
                connection -> {
                    connection.read();
                    connection.answer("{}");
                }); KeepAliveConnection connection = connectionTo(server, Duration.ofMillis(300))) {

            connection.post(post(server, "one"));
            HttpAnswer late = connection.post(post(server, "two"));
            timedOut.countDown();
            HttpAnswer next = connection.post(post(server, "three"));

            assertThat(late.failure()).startsWith("no answer within");
            assertThat(late.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(next.status()).as(next.outcome()).isEqualTo(200);
            assertThat(server.bodies()).containsExactly("one", "two", "three");
            assertThat(counts.resent()).isZero();
        }
    }

    @Test
    void answerWithoutLengthRunsToTheEndOfTheStreamAndEndsTheConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer(
                connection -> {
                    connection.read();
                    connection.write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"until\":\"close\"}");
                },
                connection -> {
                    connection.read();
                    connection.answer("{}");
                }); KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            HttpAnswer first = connection.post(post(server, "one"));
            HttpAnswer second = connection.post(post(server, "two"));

            assertThat(first.body()).isEqualTo("{\"until\":\"close\"}");
            assertThat(second.status()).isEqualTo(200);
            assertThat(counts.opened()).isEqualTo(2);
            assertThat(counts.resent()).isZero();
        }
    }

    @Test
    void somethingOtherThanHttpIsATransportError() throws Exception {
        try (ScriptedServer server = new ScriptedServer(connection -> {
            connection.read();
            connection.write("SSH-2.0-OpenSSH_9.2\r\n");
        }); KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            HttpAnswer answer = connection.post(post(server, "one"));

            assertThat(answer.answered()).isFalse();
            assertThat(answer.failure()).contains("not an HTTP/1.x status line: 'SSH-2.0-OpenSSH_9.2'");
        }
    }
}
