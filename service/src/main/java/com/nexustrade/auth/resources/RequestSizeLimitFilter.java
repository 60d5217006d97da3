package com.nexustrade.auth.resources;

import com.nexustrade.auth.common.RequestTooLargeException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every body the API accepts is a few hundred bytes; anything over the limit is refused with 413 before it is
 * parsed, whether it announces its length or streams in chunks.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestSizeLimitFilter implements ContainerRequestFilter {

    public static final int LIMIT_BYTES = 16 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > LIMIT_BYTES) {
                    throw new RequestTooLargeException(LIMIT_BYTES);
                }
            } catch (NumberFormatException malformed) {
                // Jetty has already refused a malformed Content-Length; the bounded stream below still applies.
            }
        }
        request.setEntityStream(new BoundedInputStream(request.getEntityStream()));
    }

    private static final class BoundedInputStream extends FilterInputStream {
        private long remaining = LIMIT_BYTES;

        BoundedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            remaining -= n;
            if (remaining < 0) {
                throw new RequestTooLargeException(LIMIT_BYTES);
            }
        }
    }
}
