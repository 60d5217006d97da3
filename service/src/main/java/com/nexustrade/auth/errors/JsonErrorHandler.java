package com.nexustrade.auth.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.auth.api.ErrorResponse;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
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
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(response.getStatus())), callback);
        return true;
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                 String contentType, List<Charset> charsets, int code,
                                                 String message, Throwable cause) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
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
