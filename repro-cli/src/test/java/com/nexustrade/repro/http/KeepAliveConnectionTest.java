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
 * repro's keep-alive connection against servers that do what real ones do now and then. The rules under test: a
 * refresh reaches the server once, never twice; an idle connection the server closed is replaced before anything is
 * sent on it; a request safe to send twice (a login, a probe) is sent once more when its connection closed before
 * answering; an answer cut off or late is a transport error.
 */
class KeepAliveConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ConnectionCounts counts = new ConnectionCounts();

    private KeepAliveConnection connectionTo(ScriptedServer server, Duration timeout) {
        return new KeepAliveConnection(URI.create(server.baseUrl()), timeout, false, counts);
    }

    private static Request post(ScriptedServer server, String body) {
        return Request.post(URI.create(server.baseUrl() + "/auth/refresh"),
                List.of(Map.entry("Accept", "application/json"), Map.entry("Content-Type", "application/json")), body);
    }

    /** A refresh's exchange, as a load worker sees it: never sent twice. */
    private static HttpAnswer refresh(KeepAliveConnection connection, ScriptedServer server, String body) {
        return send(connection, server, body, KeepAliveConnection.Resend.NEVER);
    }

    private static HttpAnswer send(KeepAliveConnection connection, ScriptedServer server, String body,
                                   KeepAliveConnection.Resend resend) {
        long start = System.nanoTime();
        try {
            Http1AnswerReader.Answer answer = connection.exchange(post(server, body), resend);
            return HttpAnswer.of(answer.status(), answer.body(), Duration.ofNanos(System.nanoTime() - start));
        } catch (java.io.IOException e) {
            return HttpAnswer.noAnswer(TransportFailures.describeLoad(e, TIMEOUT), Duration.ofNanos(System.nanoTime() - start));
        }
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

            HttpAnswer first = refresh(connection, server, "one");
            HttpAnswer second = refresh(connection, server, "two");

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

            HttpAnswer refused = refresh(connection, server, "one");
            HttpAnswer next = refresh(connection, server, "two");

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
    void idleConnectionClosedByTheServerIsReplacedBeforeSendingSoTheRefreshReachesTheServerOnce() throws Exception {
        try (ScriptedServer server = new ScriptedServer(
                connection -> {
                    connection.read();
                    connection.answer("{\"n\":1}"); // keep-alive, then the server closes it while idle
                },
                connection -> {
                    connection.read();
                    connection.answer("{\"n\":2}");
                }); KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            assertThat(refresh(connection, server, "one").status()).isEqualTo(200);
            server.awaitClosedConnections(1);
            HttpAnswer second = refresh(connection, server, "two");

            assertThat(second.answered()).as(second.outcome()).isTrue();
            assertThat(second.body()).isEqualTo("{\"n\":2}");
            assertThat(server.bodies()).containsExactly("one", "two");
            assertThat(counts.opened()).isEqualTo(2);
            assertThat(counts.foundClosed()).isEqualTo(1); // seen closed before "two" went out on it
            assertThat(counts.resent()).isZero();
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

            refresh(connection, server, "one");
            HttpAnswer cutOff = refresh(connection, server, "two");
            HttpAnswer next = refresh(connection, server, "three");

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

            HttpAnswer unanswered = refresh(connection, server, "one");
            HttpAnswer next = refresh(connection, server, "two");

            assertThat(unanswered.answered()).isFalse();
            assertThat(unanswered.failure()).contains("closed the connection before answering", "not sent again");
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

            refresh(connection, server, "one");
            HttpAnswer late = refresh(connection, server, "two");
            timedOut.countDown();
            HttpAnswer next = refresh(connection, server, "three");

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

            HttpAnswer first = refresh(connection, server, "one");
            HttpAnswer second = refresh(connection, server, "two");

            assertThat(first.body()).isEqualTo("{\"until\":\"close\"}");
            assertThat(second.status()).isEqualTo(200);
            assertThat(counts.opened()).isEqualTo(2);
            assertThat(counts.resent()).isZero();
        }
    }

    /** The server closes a reused connection after reading the refresh (an idle timeout racing the request). */
    private static ScriptedServer.Script answersOnceThenClosesOnTheNextRequest() {
        return connection -> {
            connection.read();
            connection.answer("{\"n\":1}");
            connection.read(); // read, then closed without a byte of an answer
        };
    }

    @Test
    void refreshWhoseReusedConnectionClosesAfterItWentOutIsATransportErrorAndNotSentAgain() throws Exception {
        try (ScriptedServer server = new ScriptedServer(answersOnceThenClosesOnTheNextRequest(), connection -> {
            connection.read();
            connection.answer("{\"n\":3}");
        }); KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            refresh(connection, server, "one");
            HttpAnswer lost = refresh(connection, server, "two");
            HttpAnswer next = refresh(connection, server, "three");

            assertThat(lost.answered()).isFalse();
            assertThat(lost.failure()).contains("the server closed the connection before answering",
                    "not sent again: it may have reached the server, and a refresh sent twice is a reuse");
            assertThat(next.status()).isEqualTo(200);
            assertThat(server.bodies()).containsExactly("one", "two", "three"); // "two" once
            assertThat(counts.resent()).isZero();
        }
    }

    @Test
    void loginWhoseReusedConnectionClosesAfterItWentOutIsSentOnceMoreOnANewConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer(answersOnceThenClosesOnTheNextRequest(), connection -> {
            connection.read();
            connection.answer("{\"n\":2}");
        }); KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            send(connection, server, "one", KeepAliveConnection.Resend.ONCE_IF_CLOSED);
            HttpAnswer login = send(connection, server, "two", KeepAliveConnection.Resend.ONCE_IF_CLOSED);

            assertThat(login.status()).as(login.outcome()).isEqualTo(200);
            assertThat(login.body()).isEqualTo("{\"n\":2}");
            assertThat(server.bodies()).containsExactly("one", "two", "two");
            assertThat(counts.opened()).isEqualTo(2);
            assertThat(counts.resent()).isEqualTo(1);
        }
    }

    @Test
    void loginIsSentAtMostTwiceWhenEveryConnectionClosesWithoutAnAnswer() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.Connection::read, ScriptedServer.Connection::read);
             KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            HttpAnswer login = send(connection, server, "one", KeepAliveConnection.Resend.ONCE_IF_CLOSED);

            assertThat(login.answered()).isFalse();
            assertThat(server.bodies()).containsExactly("one", "one");
            assertThat(counts.resent()).isEqualTo(1);
        }
    }

    /** What java.net.http.HttpClient gets wrong: it reads only the Connection header, and reuses this connection. */
    @Test
    void http10AnswerWithALengthEndsTheConnectionSoTheNextRefreshGoesOutOnANewOne() throws Exception {
        ScriptedServer.Script http10 = connection -> {
            connection.read();
            connection.write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            try {
                connection.read(); // a client that kept the connection would send here, and never get an answer
            } catch (java.io.IOException closedByTheClient) {
                // as it should be
            }
        };
        try (ScriptedServer server = new ScriptedServer(http10, http10); KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            HttpAnswer first = refresh(connection, server, "one");
            HttpAnswer second = refresh(connection, server, "two");

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).as(second.outcome()).isEqualTo(200);
            assertThat(counts.opened()).isEqualTo(2);
            assertThat(counts.foundClosed()).isZero();
        }
    }

    @Test
    void somethingOtherThanHttpIsATransportError() throws Exception {
        try (ScriptedServer server = new ScriptedServer(connection -> {
            connection.read();
            connection.write("SSH-2.0-OpenSSH_9.2\r\n");
        }); KeepAliveConnection connection = connectionTo(server, TIMEOUT)) {

            HttpAnswer answer = refresh(connection, server, "one");

            assertThat(answer.answered()).isFalse();
            assertThat(answer.failure()).contains("not an HTTP/1.x status line: 'SSH-2.0-OpenSSH_9.2'");
        }
    }
}
