package com.nexustrade.auth.resources;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which refresh requests {@link JsonRefreshFastPath} may answer itself: those that Jersey would route to
 * {@code AuthResource.refresh} and read without complaint. Anything in doubt is left to Jersey, whose filters
 * give the contract's answer (405, 406, 413, 415, a chunked body's size limit).
 */
final class PlainJsonRefresh {

    /** {@code application/json}, bare or with a UTF-8 charset: what RequestBodyFormatFilter lets through. */
    private static final Pattern JSON = Pattern.compile(
            "application/json(\\s*;\\s*charset\\s*=\\s*(\"utf-?8\"|utf-?8))?", Pattern.CASE_INSENSITIVE);
    private static final Set<String> ACCEPTS_JSON = Set.of("*/*", "application/*", "application/json");

    private PlainJsonRefresh() {
    }

    /**
     * @param contentTypes every {@code Content-Type} header; exactly one JSON one is taken
     * @param encoded      whether the request has a {@code Content-Encoding} header (RequestBodyFormatFilter's call)
     * @param accepts      every {@code Accept} header; none, or one without parameters that lists JSON
     * @param length       the declared {@code Content-Length}, -1 when the body is chunked
     */
    static boolean servable(String method, List<String> contentTypes, boolean encoded, List<String> accepts,
                            long length) {
        return "POST".equals(method)
                && contentTypes.size() == 1 && JSON.matcher(contentTypes.get(0).strip()).matches()
                && !encoded
                && acceptsJson(accepts)
                && length > 0 && length <= RequestSizeLimitFilter.LIMIT_BYTES;
    }

    /**
     * Without parameters every listed type has q=1, so one JSON-compatible entry decides; with any parameter
     * (a q=0, say) the negotiation is Jersey's.
     */
    private static boolean acceptsJson(List<String> accepts) {
        if (accepts.isEmpty()) {
            return true;
        }
        if (accepts.size() > 1 || accepts.get(0).indexOf(';') >= 0) {
            return false;
        }
        for (String entry : accepts.get(0).split(",")) {
            if (ACCEPTS_JSON.contains(entry.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
