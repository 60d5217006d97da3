package com.nexustrade.auth.errors;

/** The machine code of an error that did not come from our own rules: framework and server errors. */
final class ErrorCodes {

    private ErrorCodes() {
    }

    static String forStatus(int status) {
        return switch (status) {
            case 401 -> "invalid_token";
            case 403 -> "insufficient_scope";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
    }

    static String describe(int status) {
        return switch (status) {
            case 404 -> "No such endpoint.";
            case 405 -> "This endpoint does not accept that HTTP method.";
            case 406 -> "This endpoint answers application/json only.";
            case 413 -> "The request body is too large.";
            case 415 -> "This endpoint does not accept that content type; send application/json.";
            default -> status >= 500 ? "The server failed to handle the request." : "The request is malformed.";
        };
    }
}
