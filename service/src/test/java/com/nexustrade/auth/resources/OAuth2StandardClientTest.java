package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.AllAtOnce;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An off-the-shelf OAuth 2.0 client (Nimbus oauth2-oidc-sdk) reads the metadata, refreshes and runs the
 * client-credentials grant at {@code /oauth2/token}, and validates the tokens with the JWKS alone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OAuth2StandardClientTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("oauth2", CLOCK);
    private static final String ISSUER = "http://nexus-auth.test";
    private static final String FORM = "application/x-www-form-urlencoded";

    private ApiClient api;
    private AuthorizationServerMetadata metadata;

    @BeforeEach
    void discover() throws Exception {
        api = new ApiClient(APP.getLocalPort());
        Reply reply = api.send(HttpRequest.newBuilder(api.uri("/.well-known/oauth-authorization-server")).GET());
        assertThat(reply.status()).isEqualTo(200);
        metadata = AuthorizationServerMetadata.parse(reply.body());
    }

    /** The published endpoint, reached on this test's port: what a reverse proxy at the issuer's address does. */
    private java.net.URI local(java.net.URI published) {
        return api.uri(published.toString().substring(ISSUER.length()));
    }

    @Test
    void metadataIssuerIsTheTokensIssuerAndEndpointsAreReachable() {
        assertThat(metadata.getIssuer().getValue()).isEqualTo(ISSUER);
        // Built from the configured issuer, never from the Host header (issue 11): this test reaches them locally.
        assertThat(metadata.getTokenEndpointURI()).hasToString(ISSUER + "/oauth2/token");
        assertThat(metadata.getJWKSetURI()).hasToString(ISSUER + "/.well-known/jwks.json");
        assertThat(local(metadata.getTokenEndpointURI())).isEqualTo(api.uri("/oauth2/token"));
        assertThat(metadata.getGrantTypes()).extracting(Object::toString)
                .containsExactlyInAnyOrder("refresh_token", "client_credentials");
    }

    @Test
    void standardClientRefreshesAndValidatesTheAccessTokenWithTheJwks() throws Exception {
        String refreshToken = api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");

        TokenResponse response = TokenResponse.parse(new TokenRequest(local(metadata.getTokenEndpointURI()),
                new ClientID("nexustrade-mobile"), new RefreshTokenGrant(new RefreshToken(refreshToken)))
                .toHTTPRequest().send());

        assertThat(response.indicatesSuccess()).as(String.valueOf(response)).isTrue();
        AccessTokenResponse tokens = response.toSuccessResponse();
        assertThat(tokens.getTokens().getRefreshToken().getValue()).isNotEqualTo(refreshToken);
        JWTClaimsSet claims = validate(tokens.getTokens().getAccessToken().getValue());
        assertThat(claims.getStringListClaim("roles")).containsExactly("admin", "trader");
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo("acme");
    }

    @Test
    void standardClientRunsTheClientCredentialsGrantWithBasicAndWithPost() throws Exception {
        for (var auth : List.of(
                new ClientSecretBasic(new ClientID("orders"), new Secret(TestService.SERVICE_SECRET)),
                new ClientSecretPost(new ClientID("orders"), new Secret(TestService.SERVICE_SECRET)))) {
            TokenResponse response = TokenResponse.parse(new TokenRequest(local(metadata.getTokenEndpointURI()), auth,
                    new ClientCredentialsGrant()).toHTTPRequest().send());

            assertThat(response.indicatesSuccess()).as(auth.getMethod() + ": " + response).isTrue();
            AccessTokenResponse tokens = response.toSuccessResponse();
            assertThat(tokens.getTokens().getRefreshToken()).as("no refresh token for a client").isNull();
            JWTClaimsSet claims = validate(tokens.getTokens().getAccessToken().getValue());
            assertThat(claims.getSubject()).isEqualTo("service:orders");
            assertThat(claims.getStringClaim("token_use")).isEqualTo("service");
        }
    }

    @Test
    void wrongClientSecretIsInvalidClientWithABasicChallenge() throws Exception {
        var http = new TokenRequest(local(metadata.getTokenEndpointURI()),
                new ClientSecretBasic(new ClientID("orders"), new Secret("not-the-secret-at-all")),
                new ClientCredentialsGrant()).toHTTPRequest().send();

        assertThat(http.getStatusCode()).isEqualTo(401);
        assertThat(http.getHeaderValue("WWW-Authenticate")).startsWith("Basic");
        TokenErrorResponse error = TokenResponse.parse(http).toErrorResponse();
        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    @Test
    void unknownRefreshTokenIsInvalidGrantWith400AsRfc6749Says() throws Exception {
        var http = new TokenRequest(local(metadata.getTokenEndpointURI()), new ClientID("nexustrade-mobile"),
                new RefreshTokenGrant(new RefreshToken("A".repeat(43)))).toHTTPRequest().send();

        assertThat(http.getStatusCode()).isEqualTo(400);
        assertThat(TokenResponse.parse(http).toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(http.getBodyAsJSONObject().get("reason")).isEqualTo("unknown");
    }

    @Test
    void concurrentRefreshesAtTheTokenEndpointAllGetTheSameSuccessor() throws Exception {
        String refreshToken = api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");
        List<Reply> replies = AllAtOnce.run(10, i -> () ->
                api.post("/oauth2/token", FORM, "grant_type=refresh_token&refresh_token=" + refreshToken));

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        Set<String> successors = replies.stream().map(r -> r.text("refresh_token")).collect(Collectors.toSet());
        assertThat(successors).hasSize(1);
    }

    @Test
    void formErrorsFollowRfc6749() {
        assertOAuthError(api.post("/oauth2/token", FORM, ""), 400, "invalid_request");
        assertOAuthError(api.post("/oauth2/token", FORM, "grant_type=password&username=trader1&password=x"),
                400, "unsupported_grant_type");
        assertOAuthError(api.post("/oauth2/token", FORM, "grant_type=authorization_code&code=x"),
                400, "unsupported_grant_type");
        assertOAuthError(api.post("/oauth2/token", FORM, "grant_type=refresh_token"), 400, "invalid_request");
        assertOAuthError(api.post("/oauth2/token", FORM, "grant_type=refresh_token&refresh_token=a&refresh_token=b"),
                400, "invalid_request");
        assertOAuthError(api.post("/oauth2/token", FORM, "grant_type=client_credentials"), 401, "invalid_client");
        assertOAuthError(api.send(HttpRequest.newBuilder(api.uri("/oauth2/token")).header("Content-Type", FORM)
                .header("Authorization", basic("orders", TestService.SERVICE_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_secret=x"))),
                400, "invalid_request");
    }

    @Test
    void revokingARefreshTokenEndsItsSession() {
        String first = api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");
        String second = api.refresh(first).text("refresh_token");

        assertThat(api.post("/oauth2/revoke", FORM, "token=" + first).status()).isEqualTo(200);
        assertThat(api.post("/oauth2/revoke", FORM, "token=" + "B".repeat(43)).status()).isEqualTo(200);

        Reply refused = api.post("/oauth2/token", FORM, "grant_type=refresh_token&refresh_token=" + second);
        assertOAuthError(refused, 400, "invalid_grant");
        assertThat(refused.text("reason")).isEqualTo("revoked");
    }

    @Test
    void introspectionAnswersAuthenticatedServicesOnly() {
        Reply login = api.login(TestService.USERNAME, TestService.PASSWORD);
        String accessToken = login.text("access_token");
        String refreshToken = login.text("refresh_token");
        String auth = basic("orders", TestService.SERVICE_SECRET);

        Reply access = introspect(accessToken, auth);
        assertThat(access.json().get("active").asBoolean()).isTrue();
        assertThat(access.text("username")).isEqualTo("trader1");
        assertThat(access.text("tenant_id")).isEqualTo("acme");
        assertThat(access.json().get("roles")).hasSize(2);

        assertThat(introspect(refreshToken, auth).json().get("active").asBoolean()).isTrue();
        api.refresh(refreshToken);
        assertThat(introspect(refreshToken, auth).json().get("active").asBoolean()).as("rotated away").isFalse();
        assertThat(introspect("garbage", auth).body()).isEqualTo("{\"active\":false}");

        assertOAuthError(introspect(accessToken, null), 401, "invalid_client");
        assertOAuthError(introspect(accessToken, basic("orders", "wrong-secret-wrong-secret")), 401, "invalid_client");
    }

    private Reply introspect(String token, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/oauth2/introspect")).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return api.send(request);
    }

    private JWTClaimsSet validate(String jwt) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                JWKSourceBuilder.create(local(metadata.getJWKSetURI()).toURL()).retrying(false).build()));
        // Tokens carry the test clock's time; the processor checks exp against the wall clock, so give it the
        // issuer and audience and leave time to the service's own tests.
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("nexustrade-api",
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp", "iat", "jti")) {
            @Override
            public Date currentTime() {
                return Date.from(CLOCK.instant());
            }
        });
        return processor.process(jwt, null);
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes());
    }

    private static void assertOAuthError(Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.text("error")).isEqualTo(error);
        assertThat(reply.headers().get("cache-control")).containsExactly("no-store");
    }
}
