package com.nexustrade.auth.dpop;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 9449 §4.3 rule 9: {@code htu} must be this request's URI, ignoring query and fragment, compared after the
 * syntax-based normalisation of RFC 3986 §6.2.2 (case of scheme and host, default port). The expected URI is the
 * configured issuer plus the endpoint path: the Host header is the caller's to choose, so it proves nothing.
 */
final class HtuMatch {

    private final String issuer;

    HtuMatch(String issuer) {
        this.issuer = issuer.replaceAll("/+$", "");
    }

    boolean matches(String htu, String path) {
        Optional<String> presented = normalise(htu);
        return presented.isPresent() && presented.equals(normalise(issuer + path));
    }

    static Optional<String> normalise(String value) {
        if (value == null || value.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                    || ("https".equals(scheme) && port == 443);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (defaultPort ? "" : ":" + port) + path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
