package io.modelprint.serve;

import io.modelprint.model.remote.InferenceProtocol;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a route runs (a malformed URI, a bad request line), as
 * {@code {"error": "..."}} JSON like every other refusal of {@code serve}, instead of an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
            List<Charset> charsets, int code, String message, Throwable cause) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int code, String message) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        return InferenceProtocol.error("HTTP " + code + ": " + reason);
    }
}
