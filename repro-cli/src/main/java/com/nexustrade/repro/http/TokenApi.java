package com.nexustrade.repro.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.nexustrade.repro.checks.Credentials;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a target logs users in and rotates their refresh tokens, as a profile that builds its own requests, describes
 * them for the report and reads the successor out of an answer: our own JSON API ({@link Contract}, docs/api.md), or a
 * standard RFC 6749 token endpoint with form bodies ({@link OAuth2}), as Keycloak, Ory Hydra and Auth0-style servers
 * have. Requests carry only their own headers; {@link AuthClient} adds Accept and the --header extras.
 */
public sealed interface TokenApi permits TokenApi.Contract, TokenApi.OAuth2 {

    /** The profile's name, as --profile takes it and reports show it. */
    String profile();

    Request login(Credentials credentials);

    Request refresh(String refreshToken);

    /** The login as the report shows it, password hidden. */
    String describeLogin(String username);

    /** A refresh as the report shows it, with the token as the caller chose to show it. */
    String describeRefresh(String shownToken);

    /** Where logins go, for the sentence that says a login was refused. */
    URI loginUri();

    /** Where refreshes go. Its scheme decides what the load workers can send over. */
    URI refreshUri();

    /**
     * What a DPoP proof of a login names as htu: the login's URL as the target knows itself ({@link ServerMetadata}),
     * which is the URL repro sends to unless it reaches the target by another address (a port, 127.0.0.1 for localhost).
     */
    URI loginHtu(ServerMetadata metadata);

    /** What a DPoP proof of a refresh names as htu, likewise. */
    URI refreshHtu(ServerMetadata metadata);

    /** Whether X-Internal-Service (docs/api.md, POST /auth/service_auth) means anything to this target. */
    boolean hasServiceAuth();

    /** What the report should say about how the target was spoken to. */
    List<String> notes();

    /**
     * Whether a 200 without a refresh_token leaves the caller holding the token it presented: RFC 6749 §6 lets the
     * server keep the old one; our API always issues a successor (docs/rotation.md).
     */
    boolean keepsPresentedToken();

    /**
     * The refresh token the caller holds after a successful refresh (the successor, or the one it presented when
     * the profile allows keeping it); empty when the refresh did not work. Parses the body once: load runs call
     * this for every answer.
     */
    default Optional<String> successor(HttpAnswer answer, String presented) {
        if (answer.status() != 200) {
            return Optional.empty();
        }
        JsonNode body = answer.json();
        if (!nonEmptyText(body, "access_token")) {
            return Optional.empty();
        }
        if (nonEmptyText(body, "refresh_token")) {
            return Optional.of(body.get("refresh_token").asText());
        }
        return keepsPresentedToken() ? Optional.of(presented) : Optional.empty();
    }

    private static boolean nonEmptyText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty();
    }

    /** POST JSON to the login and refresh paths (docs/api.md); a refused refresh is 401 invalid_grant. */
    record Contract(URI baseUrl, EndpointPaths paths) implements TokenApi {

        @Override
        public String profile() {
            return "contract";
        }

        @Override
        public Request login(Credentials credentials) {
            return RequestBodies.json(loginUri(), Map.of("username", credentials.username(), "password", credentials.password()));
        }

        @Override
        public Request refresh(String refreshToken) {
            return RequestBodies.json(refreshUri(), Map.of("refresh_token", refreshToken));
        }

        @Override
        public String describeLogin(String username) {
            return "POST " + paths.login() + " {\"username\":\"" + username + "\",\"password\":(hidden)}";
        }

        @Override
        public String describeRefresh(String shownToken) {
            return "POST " + paths.refresh() + " {\"refresh_token\":\"" + shownToken + "\"}";
        }

        @Override
        public URI loginUri() {
            return Target.join(baseUrl, paths.login());
        }

        @Override
        public URI refreshUri() {
            return Target.join(baseUrl, paths.refresh());
        }

        /** Our service checks htu against its issuer plus the endpoint path (docs/dpop.md). */
        @Override
        public URI loginHtu(ServerMetadata metadata) {
            return metadata.issuer().map(issuer -> Target.join(issuer, paths.login())).orElse(loginUri());
        }

        @Override
        public URI refreshHtu(ServerMetadata metadata) {
            return metadata.issuer().map(issuer -> Target.join(issuer, paths.refresh())).orElse(refreshUri());
        }

        @Override
        public boolean hasServiceAuth() {
            return true;
        }

        @Override
        public List<String> notes() {
            return List.of();
        }

        @Override
        public boolean keepsPresentedToken() {
            return false;
        }
    }

    /**
     * POST a form to the token endpoint: grant_type=password to log in, grant_type=refresh_token to refresh;
     * a refused refresh is 400 invalid_grant (RFC 6749 §5.2). The secret is null for public clients; when given
     * it goes as HTTP Basic (RFC 6749 §2.3.1), which every server must accept.
     */
    record OAuth2(URI tokenEndpoint, String clientId, String clientSecret) implements TokenApi {

        @Override
        public String profile() {
            return "oauth2";
        }

        @Override
        public Request login(Credentials credentials) {
            return RequestBodies.form(this, Map.of("grant_type", "password", "username", credentials.username(),
                    "password", credentials.password()));
        }

        @Override
        public Request refresh(String refreshToken) {
            return RequestBodies.form(this, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        }

        @Override
        public String describeLogin(String username) {
            return "POST " + tokenEndpoint.getRawPath() + " grant_type=password&username=" + username
                    + "&password=(hidden)" + clientPart();
        }

        @Override
        public String describeRefresh(String shownToken) {
            return "POST " + tokenEndpoint.getRawPath() + " grant_type=refresh_token&refresh_token=" + shownToken + clientPart();
        }

        @Override
        public URI loginUri() {
            return tokenEndpoint;
        }

        @Override
        public URI refreshUri() {
            return tokenEndpoint;
        }

        @Override
        public URI loginHtu(ServerMetadata metadata) {
            return metadata.tokenEndpoint().orElse(tokenEndpoint);
        }

        @Override
        public URI refreshHtu(ServerMetadata metadata) {
            return metadata.tokenEndpoint().orElse(tokenEndpoint);
        }

        /** An RFC 6749 server's services use grant_type=client_credentials, not our header. */
        @Override
        public boolean hasServiceAuth() {
            return false;
        }

        @Override
        public List<String> notes() {
            return List.of("profile oauth2: token endpoint " + tokenEndpoint + ", "
                    + (clientId == null ? "no client_id"
                            : "client " + clientId + (clientSecret == null ? " (public)" : " (confidential, HTTP Basic)")));
        }

        @Override
        public boolean keepsPresentedToken() {
            return true;
        }

        private String clientPart() {
            if (clientSecret != null) {
                return " (client " + clientId + " authenticated by HTTP Basic)";
            }
            return clientId == null ? "" : "&client_id=" + clientId;
        }

        @Override
        public String toString() {
            return "OAuth2[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId
                    + (clientSecret == null ? ", public client]" : ", clientSecret=(hidden)]");
        }
    }
}
