package com.nexustrade.repro.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one HTTP/1.x answer parser of repro, for the client that writes its own requests
 * ({@link KeepAliveConnection}): exactly the answer's bytes, by its framing (Content-Length, chunked, or to the end of
 * the stream when it has neither), so that on a connection that stays open the next answer starts where this one
 * ended. Header names are matched case-insensitively. Anything malformed is an IOException: with the framing lost the
 * connection cannot carry another request, and the caller reports it as a transport error.
 */
final class Http1AnswerReader {

    /** What was read, and whether the server lets the connection carry the next request. */
    record Answer(int status, String body, boolean keepAlive, Map<String, String> headers) {
    }

    private static final int MAX_LINE_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final InputStream in;
    private long bytesRead;

    private Http1AnswerReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next answer, skipping interim 1xx answers (a 100 Continue the server sends unasked). */
    static Answer read(InputStream in) throws IOException {
        Http1AnswerReader reader = new Http1AnswerReader(in);
        Answer answer;
        do {
            answer = reader.readOne();
        } while (answer.status() >= 100 && answer.status() < 200 && answer.status() != 101);
        return answer;
    }

    private Answer readOne() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || parts[1].length() != 3) {
            throw new IOException("not an HTTP/1.x status line: '" + abbreviate(statusLine) + "'");
        }
        int status = parseStatus(parts[1], statusLine);
        Framing framing = new Framing(parts[0].equals("HTTP/1.0"));
        for (String header = line(); !header.isEmpty(); header = line()) {
            framing.header(header);
        }
        if (status < 200 || status == 204 || status == 304) {
            // No body whatever the headers say; after a 101 the connection speaks another protocol.
            return new Answer(status, "", framing.persistent() && status != 101, framing.fields);
        }
        if (framing.untilClose()) {
            return new Answer(status, new String(toEnd(), StandardCharsets.UTF_8), false, framing.fields);
        }
        byte[] body = framing.chunked ? chunkedBody() : exactly(framing.contentLength);
        return new Answer(status, new String(body, StandardCharsets.UTF_8), framing.keepAlive(), framing.fields);
    }

    /**
     * The headers that decide where the body ends and whether the connection may carry the next request, and every
     * header by its lower-case name (the last of repeated ones) for the callers that read one, e.g. DPoP-Nonce.
     */
    private static final class Framing {
        private static final int MAX_FIELDS = 100;
        private final Map<String, String> fields = new HashMap<>();
        private final boolean http10;
        private boolean closeAsked;
        private boolean keepAliveAsked;
        private boolean transferEncoded;
        private boolean chunked;
        private long contentLength = -1;

        Framing(boolean http10) {
            this.http10 = http10;
        }

        void header(String line) throws IOException {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line '" + abbreviate(line) + "'");
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (fields.size() < MAX_FIELDS) {
                fields.put(name.toLowerCase(Locale.ROOT), value);
            }
            if (name.equalsIgnoreCase("Content-Length")) {
                long length = parseLength(value);
                if (contentLength >= 0 && contentLength != length) {
                    throw new IOException("two different Content-Length headers (" + contentLength + ", " + length + ")");
                }
                contentLength = length;
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                transferEncoded = true;
                chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked"); // chunked, when there, is the last coding
            } else if (name.equalsIgnoreCase("Connection")) {
                for (String option : value.toLowerCase(Locale.ROOT).split(",")) {
                    closeAsked |= option.strip().equals("close");
                    keepAliveAsked |= option.strip().equals("keep-alive");
                }
            }
        }

        /** RFC 9112 §6.3: a transfer coding other than chunked, or no length at all, runs to the end of the stream. */
        boolean untilClose() {
            return transferEncoded ? !chunked : contentLength < 0;
        }

        /** HTTP/1.1 keeps the connection unless told to close it; HTTP/1.0 only when asked to keep it. */
        boolean persistent() {
            return !closeAsked && (!http10 || keepAliveAsked);
        }

        /** Whether the next answer can follow this one's body on the connection. */
        boolean keepAlive() {
            return persistent() && !untilClose();
        }
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(line()); size > 0; size = chunkSize(line())) {
            if (body.size() + (long) size > MAX_BODY_BYTES) {
                throw new IOException("answer body larger than " + MAX_BODY_BYTES + " bytes");
            }
            body.write(exactly(size));
            if (!line().isEmpty()) {
                throw new IOException("a chunk of " + size + " bytes was not followed by CRLF");
            }
        }
        while (!line().isEmpty()) {
            // trailer fields: nothing the bench needs
        }
        return body.toByteArray();
    }

    private static int chunkSize(String line) throws IOException {
        String hex = line.split(";", 2)[0].strip(); // chunk extensions follow a semicolon
        try {
            int size = Integer.parseInt(hex, 16);
            if (size < 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunk size '" + abbreviate(line) + "'");
        }
    }

    private static int parseStatus(String code, String statusLine) throws IOException {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP/1.x status line: '" + abbreviate(statusLine) + "'");
        }
    }

    private static long parseLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value);
            if (length < 0 || length > MAX_BODY_BYTES) {
                throw new IOException("Content-Length " + length + " is out of range (0 to " + MAX_BODY_BYTES + ")");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("malformed Content-Length '" + abbreviate(value) + "'");
        }
    }

    /** One line without its CRLF (a bare LF is tolerated), read as ISO-8859-1, as HTTP/1.1 field values are. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = next(); b != '\n'; b = next()) {
            if (line.length() == MAX_LINE_BYTES) {
                throw new IOException("a line of the answer is longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.append((char) b);
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    private int next() throws IOException {
        int b = in.read();
        if (b == -1) {
            throw closedEarly();
        }
        bytesRead++;
        return b;
    }

    private byte[] exactly(long length) throws IOException {
        byte[] bytes = in.readNBytes((int) length);
        bytesRead += bytes.length;
        if (bytes.length < length) {
            throw closedEarly();
        }
        return bytes;
    }

    private byte[] toEnd() throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        bytesRead += bytes.length;
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IOException("answer body larger than " + MAX_BODY_BYTES + " bytes");
        }
        return bytes;
    }

    private EOFException closedEarly() {
        return new EOFException("the server closed the connection after " + bytesRead + " bytes of the answer");
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
