package com.nexustrade.auth.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.DeviceKey;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import com.nimbusds.jose.crypto.MACSigner;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 9449 over real HTTP, rule by rule: a session bound to a phone's key at login answers only to proofs from that
 * key, and each broken proof is refused with 400 {@code invalid_dpop_proof}, the rule it broke, and no token.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DPoPProofRulesTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("dpop-rules", CLOCK);
    private static final String REFRESH = "/auth/refresh";

    private ApiClient api;
    private DeviceKey phone;

    @BeforeEach
    void connect() {
        api = new ApiClient(APP.getLocalPort());
        phone = DeviceKey.generate();
    }

    @Test
    void loginWithAProofBindsTheSessionAndTheAccessTokenToTheKey() throws Exception {
        Reply login = boundLogin(phone);

        assertThat(login.text("token_type")).isEqualTo("DPoP");
        assertThat(cnfJkt(login.text("access_token"))).isEqualTo(phone.jkt());
    }

    @Test
    void withoutAProofSessionsStayBearerAsBefore() throws Exception {
        Reply login = api.login(TestService.USERNAME, TestService.PASSWORD);
        Reply refreshed = api.refresh(login.text("refresh_token"));

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("token_type")).isEqualTo("Bearer");
        assertThat(ClaimsTest.decodePart(refreshed.text("access_token"), 1).has("cnf")).isFalse();
    }

    @Test
    void refreshOfABoundSessionWithAProofFromItsKeyRotatesAndStaysBound() throws Exception {
        Reply refreshed = api.refresh(boundLogin(phone).text("refresh_token"), phone.proof(REFRESH, CLOCK.instant()));

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("token_type")).isEqualTo("DPoP");
        assertThat(cnfJkt(refreshed.text("access_token"))).isEqualTo(phone.jkt());
    }

    static Stream<Arguments> brokenProofs() {
        DeviceKey other = DeviceKey.generate();
        return Stream.of(
                broken("htm", "wrong htm", (key, now) -> key.proof("GET", REFRESH, now, null)),
                broken("htu", "htu of another host (as a forged Host header would make it)", (key, now) ->
                        key.rawProof(key.header(), with(DeviceKey.claims(REFRESH, now), "htu",
                                "http://127.0.0.1/auth/refresh"))),
                broken("htu", "htu of another endpoint", (key, now) -> key.proof("/auth/login", now)),
                broken("iat", "iat older than the skew", (key, now) -> key.proof(REFRESH, now.minusSeconds(61))),
                broken("iat", "iat further ahead than the skew", (key, now) -> key.proof(REFRESH, now.plusSeconds(61))),
                broken("alg", "alg none", (key, now) -> unsigned(with(key.header(), "alg", "none"),
                        DeviceKey.claims(REFRESH, now))),
                broken("alg", "symmetric alg (HS256)", (key, now) -> DeviceKey.rawProof(
                        with(key.header(), "alg", "HS256"), DeviceKey.claims(REFRESH, now), hmac())),
                broken("jwk_missing", "no jwk", (key, now) -> key.rawProof(without(key.header(), "jwk"),
                        DeviceKey.claims(REFRESH, now))),
                broken("jwk_private", "private key in jwk", (key, now) -> key.rawProof(
                        with(key.header(), "jwk", key.privateJwk().toJSONObject()), DeviceKey.claims(REFRESH, now))),
                broken("typ", "typ JWT", (key, now) -> key.rawProof(with(key.header(), "typ", "JWT"),
                        DeviceKey.claims(REFRESH, now))),
                broken("signature", "signed by another key than its jwk", (key, now) ->
                        other.rawProof(key.header(), DeviceKey.claims(REFRESH, now))),
                broken("jti", "no jti", (key, now) -> key.rawProof(key.header(),
                        without(DeviceKey.claims(REFRESH, now), "jti"))),
                broken("malformed", "not a JWT", (key, now) -> "not-a-jwt"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenProofs")
    void aBrokenProofIsRefusedWithItsRuleAndNoTokenAndTheSessionSurvives(
            String reason, String description, BiFunction<DeviceKey, Instant, String> proof) {
        String refreshToken = boundLogin(phone).text("refresh_token");

        Reply refused = api.refresh(refreshToken, proof.apply(phone, CLOCK.instant()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("error")).isEqualTo("invalid_dpop_proof");
        assertThat(refused.text("reason")).isEqualTo(reason);
        assertNoToken(refused);
        // Refused before the refresh token is read: the holder's next refresh works.
        assertThat(api.refresh(refreshToken, phone.proof(REFRESH, CLOCK.instant())).status()).isEqualTo(200);
    }

    @Test
    void aProofIsSingleUse() {
        String proof = phone.proof(REFRESH, CLOCK.instant());
        Reply first = api.refresh(boundLogin(phone).text("refresh_token"), proof);

        Reply replayed = api.refresh(first.text("refresh_token"), proof);

        assertThat(first.status()).isEqualTo(200);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.text("reason")).isEqualTo("jti_reused");
        assertNoToken(replayed);
    }

    @Test
    void aValidProofFromAnotherKeyIsAKeyMismatchAndEndsTheSession() {
        String refreshToken = boundLogin(phone).text("refresh_token");

        Reply thief = api.refresh(refreshToken, DeviceKey.generate().proof(REFRESH, CLOCK.instant()));

        assertKeyMismatch(thief);
        Reply holder = api.refresh(refreshToken, phone.proof(REFRESH, CLOCK.instant()));
        assertThat(holder.status()).isEqualTo(401);
        assertThat(holder.text("reason")).isEqualTo("revoked");
    }

    /** The core: the grace window no longer hands the live successor to whoever holds the old token. */
    @Test
    void stolenPredecessorReplayedInsideTheGraceWindowWithoutTheKeyIsRefusedAndEndsTheSession() {
        String original = boundLogin(phone).text("refresh_token");
        String successor = api.refresh(original, phone.proof(REFRESH, CLOCK.instant())).text("refresh_token");
        CLOCK.advance(Duration.ofSeconds(5));

        Reply thief = api.refresh(original);

        assertKeyMismatch(thief);
        Reply holder = api.refresh(successor, phone.proof(REFRESH, CLOCK.instant()));
        assertThat(holder.status()).as("the session the thief touched is over").isEqualTo(401);
        assertThat(holder.text("reason")).isEqualTo("revoked");
    }

    @Test
    void theHolderStillReplaysThePredecessorInsideTheWindowWithItsKey() {
        String original = boundLogin(phone).text("refresh_token");
        String successor = api.refresh(original, phone.proof(REFRESH, CLOCK.instant())).text("refresh_token");
        CLOCK.advance(Duration.ofSeconds(5));

        Reply retry = api.refresh(original, phone.proof(REFRESH, CLOCK.instant()));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("refresh_token")).isEqualTo(successor);
        assertThat(retry.text("token_type")).isEqualTo("DPoP");
    }

    @Test
    void meAcceptsABoundTokenOnlyWithTheDPoPSchemeAndAProofFromItsKey() {
        String accessToken = boundLogin(phone).text("access_token");
        Instant now = CLOCK.instant();

        assertThat(api.meWithDPoP(accessToken, phone.proof("GET", "/auth/me", now, accessToken)).status())
                .isEqualTo(200);
        assertThat(api.me(accessToken).status()).as("a bound token sent as Bearer").isEqualTo(401);
        assertThat(api.meWithDPoP(accessToken, null).status()).as("no proof").isEqualTo(401);
        Reply otherKey = api.meWithDPoP(accessToken,
                DeviceKey.generate().proof("GET", "/auth/me", now, accessToken));
        assertThat(otherKey.status()).as("proof from another key").isEqualTo(401);
        assertThat(otherKey.headers().get("www-authenticate").get(0)).contains("DPoP", "invalid_dpop_proof");
        assertThat(api.meWithDPoP(accessToken, phone.proof("GET", "/auth/me", now, null)).status())
                .as("proof without ath").isEqualTo(401);
    }

    @Test
    void metadataAdvertisesTheProofAlgorithms() {
        Reply metadata = api.send(HttpRequest.newBuilder(api.uri("/.well-known/oauth-authorization-server")).GET());

        assertThat(metadata.json().get("dpop_signing_alg_values_supported")).extracting(JsonNode::asText)
                .contains("ES256").doesNotContain("HS256", "none");
    }

    @Test
    void introspectionReturnsTheKeyOfBoundTokens() {
        Reply login = boundLogin(phone);

        JsonNode access = introspect(login.text("access_token"));
        JsonNode refresh = introspect(login.text("refresh_token"));

        assertThat(access.get("token_type").asText()).isEqualTo("DPoP");
        assertThat(access.get("cnf").get("jkt").asText()).isEqualTo(phone.jkt());
        assertThat(refresh.get("cnf").get("jkt").asText()).isEqualTo(phone.jkt());
    }

    private Reply boundLogin(DeviceKey key) {
        Reply login = api.login(TestService.USERNAME, TestService.PASSWORD, key.proof("/auth/login", CLOCK.instant()));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login;
    }

    private JsonNode introspect(String token) {
        String basic = Base64.getEncoder().encodeToString(
                (TestService.SERVICE_ID + ":" + TestService.SERVICE_SECRET).getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(api.uri("/oauth2/introspect"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))))
                .json();
    }

    private static void assertKeyMismatch(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.text("error")).isEqualTo("invalid_grant");
        assertThat(reply.text("reason")).isEqualTo("dpop_key_mismatch");
        assertNoToken(reply);
    }

    private static void assertNoToken(Reply reply) {
        assertThat(reply.json().has("access_token")).isFalse();
        assertThat(reply.json().has("refresh_token")).isFalse();
    }

    private static String cnfJkt(String accessToken) throws Exception {
        return ClaimsTest.decodePart(accessToken, 1).get("cnf").get("jkt").asText();
    }

    private static Arguments broken(String reason, String description, BiFunction<DeviceKey, Instant, String> proof) {
        return Arguments.of(reason, description, proof);
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        map.put(key, value);
        return map;
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        map.remove(key);
        return map;
    }

    private static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(header)
                .getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(
                com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims).getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static MACSigner hmac() {
        try {
            return new MACSigner(new byte[32]);
        } catch (com.nimbusds.jose.KeyLengthException e) {
            throw new IllegalStateException(e);
        }
    }
}
