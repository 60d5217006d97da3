package com.nexustrade.auth.services;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rule the incident's service broke: {@code X-Internal-Service} must be present exactly once and be a
 * well-formed service id, and it proves nothing alone: the secret header must authenticate it.
 * An empty, blank (any Unicode white space or invisible format character), repeated or malformed value is
 * refused before anything else looks at it.
 */
public final class InternalServiceHeaders {

    public static final String SERVICE_ID = "X-Internal-Service";
    public static final String SERVICE_SECRET = "X-Internal-Service-Secret";
    private static final Pattern SERVICE_ID_FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MAX_SECRET_LENGTH = 512;

    private InternalServiceHeaders() {
    }

    /** The one service id the request names, or {@link InvalidClientException}. */
    public static String serviceId(List<String> values) {
        String value = single(values, SERVICE_ID);
        if (isBlank(value)) {
            throw new InvalidClientException(SERVICE_ID + " is empty or blank.");
        }
        if (!SERVICE_ID_FORMAT.matcher(value).matches()) {
            throw new InvalidClientException(SERVICE_ID + " is not a valid service id.");
        }
        return value;
    }

    /** The one secret the request presents, or {@link InvalidClientException}. */
    public static String secret(List<String> values) {
        String value = single(values, SERVICE_SECRET);
        if (isBlank(value) || value.length() > MAX_SECRET_LENGTH) {
            throw new InvalidClientException(SERVICE_SECRET + " is empty, blank or too long.");
        }
        return value;
    }

    private static String single(List<String> values, String header) {
        if (values == null || values.isEmpty()) {
            throw new InvalidClientException(header + " is missing.");
        }
        if (values.size() > 1) {
            throw new InvalidClientException(header + " is repeated.");
        }
        return values.get(0) == null ? "" : values.get(0);
    }

    /** Blank in the Unicode sense: String.isBlank() alone lets NO-BREAK SPACE and zero-width characters through. */
    static boolean isBlank(String value) {
        return value.codePoints().allMatch(cp -> Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT
                || Character.isISOControl(cp));
    }
}
