package com.nexustrade.auth.access;

/**
 * The {@code iss} and {@code aud} of every access token, as one value: two strings side by side in a constructor
 * compile just as well swapped. Built once, from {@code tokens.issuer} and {@code tokens.audience}.
 */
public record IssuerAndAudience(String issuer, String audience) {
}
