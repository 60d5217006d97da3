package com.nexustrade.auth.resources;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A request whose body was read before Jersey: Jersey reads the same bytes, and then the same end (or the same
 * failure, such as a client that stopped sending), as it would have read from the connection.
 */
final class ReplayedBody extends HttpServletRequestWrapper {

    private final byte[] bytes;
    private final IOException failure;

    private ReplayedBody(HttpServletRequest request, byte[] bytes, IOException failure) {
        super(request);
        this.bytes = bytes;
        this.failure = failure;
    }

    /** Reads up to {@code length} bytes: the declared length, which the caller has bounded. */
    static ReplayedBody read(HttpServletRequest request, int length) {
        byte[] buffer = new byte[length];
        int n = 0;
        IOException failure = null;
        try {
            var in = request.getInputStream();
            for (int r; n < length && (r = in.read(buffer, n, length - n)) > 0; ) {
                n += r;
            }
        } catch (IOException e) {
            failure = e;
        }
        return new ReplayedBody(request, n == length ? buffer : Arrays.copyOf(buffer, n), failure);
    }

    /** Whether the whole declared body arrived. */
    boolean complete() {
        return failure == null && bytes.length == getRequest().getContentLengthLong();
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b < 0 && failure != null) {
                    throw failure;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n < 0 && failure != null) {
                    throw failure;
                }
                return n;
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("The body was already read; it is replayed synchronously.");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
