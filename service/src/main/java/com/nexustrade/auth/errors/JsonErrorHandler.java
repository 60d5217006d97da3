package com.nexustrade.auth.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.auth.api.ErrorResponse;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import com.nexustrade.auth.server.NoSniff;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Errors raised by Jetty itself, before or outside Jersey (a malformed request line, an oversized header,
 * a bad URI): the same JSON body as every other error instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private final ObjectMapper json;

    public JsonErrorHandler(ObjectMapper json) {
        this.json = json;
        setShowStacks(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (response.getStatus() == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            // HTTP/0.9 or an invented version: the client's fault, so a 4xx; a 5xx would page on-call for it.
            response.setStatus(HttpStatus.BAD_REQUEST_400);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(NoSniff.HEADER, NoSniff.VALUE);
        response.write(true, ByteBuffer.wrap(body(response.getStatus())), callback);
        return true;
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                 String contentType, List<Charset> charsets, int code,
                                                 String message, Throwable cause) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(NoSniff.HEADER, NoSniff.VALUE);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        fields.put(NoSniff.HEADER, NoSniff.VALUE);
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        try {
            return json.writeValueAsBytes(new ErrorResponse(ErrorCodes.forStatus(status), ErrorCodes.describe(status)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
