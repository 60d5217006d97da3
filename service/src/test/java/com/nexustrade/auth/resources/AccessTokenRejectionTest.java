package com.nexustrade.auth.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.keys.KeyDirectory;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/api.md, "Access tokens (JWT)": every endpoint that takes an access token refuses forged, foreign and expired ones. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessTokenRejectionTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("token-rejection", CLOCK);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private ApiClient api;
    private String genuine;

    @BeforeEach
    void login() {
        api = new ApiClient(APP.getLocalPort());
        genuine = api.login(TestService.USERNAME, TestService.PASSWORD).text("access_token");
    }

    @Test
    void genuineTokenIsAccepted() {
        assertThat(api.me(genuine).status()).isEqualTo(200);
    }

    @Test
    void tokenResignedWithOurKeyAndNoChangeIsAccepted() {
        // The controls for the tests below: the re-signing helpers alone do not make a token fail.
        assertThat(api.me(resignedWith(Map.of())).status()).isEqualTo(200);
        assertThat(api.me(resignedWithHeader("typ", "at+jwt")).status()).isEqualTo(200);
    }

    @Test
    void algNoneIsRefused() throws Exception {
        Map<String, Object> header = header();
        header.put("alg", "none");
        assertRefused(encode(header) + "." + encode(payload()) + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        Map<String, Object> header = header();
        header.put("alg", "HS256");
        String jwks = api.send(HttpRequest.newBuilder(api.uri("/.well-known/jwks.json")).GET()).body();
        String signingInput = encode(header) + "." + encode(payload());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(jwks.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertRefused(signingInput + "." + B64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void tokenSignedByAnotherKeyUnderOurKidIsRefused() {
        KeyPair attacker = KeyDirectory.newEcKeyPair();
        assertRefused(Jwts.builder().header().add(header()).and().claims(payload())
                .signWith(attacker.getPrivate(), Jwts.SIG.ES256).compact());
    }

    @Test
    void unknownKidIsRefused() {
        KeyPair attacker = KeyDirectory.newEcKeyPair();
        assertRefused(Jwts.builder().header().add(header()).keyId("attacker-key").and().claims(payload())
                .signWith(attacker.getPrivate(), Jwts.SIG.ES256).compact());
    }

    @Test
    void tamperedPayloadIsRefused() throws Exception {
        String[] parts = genuine.split("\\.");
        Map<String, Object> claims = payload();
        claims.put("roles", List.of("admin", "superuser"));
        assertRefused(parts[0] + "." + encode(claims) + "." + parts[2]);
    }

    @Test
    void headersNamingOtherKeysOrCriticalExtensionsAreRefusedEvenWhenSignedByUs() {
        assertRefused(resignedWithHeader("jku", "https://evil.example/jwks.json"));
        assertRefused(resignedWithHeader("x5u", "https://evil.example/cert.pem"));
        assertRefused(resignedWithHeader("jwk", Map.of("kty", "EC", "crv", "P-256", "x", "AA", "y", "AA")));
        assertRefused(resignedWithHeader("x5c", List.of("MIIB")));
        assertRefused(resignedWithHeader("crit", List.of("exp")));
    }

    @Test
    void injectedKidIsRefused() {
        assertRefused(resignedWithHeader("kid", "../../../../dev/null"));
        assertRefused(resignedWithHeader("kid", "' OR '1'='1"));
    }

    @Test
    void oversizedTokenIsRefused() {
        assertRefused(resignedWith(Map.of("padding", "x".repeat(4000))));
        Reply huge = api.me(resignedWith(Map.of("padding", "x".repeat(9000))));
        assertThat(huge.status()).as("over the header limit of Jetty").isEqualTo(431);
        assertThat(huge.text("error")).isEqualTo("invalid_request");
    }

    @Test
    void wrongIssuerIsRefused() {
        assertRefused(resignedWith(Map.of("iss", "https://evil.example")));
    }

    @Test
    void wrongAudienceIsRefused() {
        assertRefused(resignedWith(Map.of("aud", "another-api")));
    }

    @Test
    void expiredTokenIsRefused() {
        CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
        try {
            assertRefused(genuine);
        } finally {
            CLOCK.advance(Duration.ofMinutes(-5).minusSeconds(1));
        }
    }

    @Test
    void tokenInTheQueryStringIsIgnored() {
        Reply reply = api.send(HttpRequest.newBuilder(api.uri("/auth/me?access_token=" + genuine)).GET());
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void missingAndMalformedAuthorizationHeadersAreRefused() {
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/auth/me")).GET()).status()).isEqualTo(401);
        for (String header : List.of("Bearer", "Bearer ", "Basic " + genuine, genuine, "Bearer not.a.jwt")) {
            Reply reply = api.send(HttpRequest.newBuilder(api.uri("/auth/me")).header("Authorization", header).GET());
            assertThat(reply.status()).as(header).isEqualTo(401);
            assertThat(reply.text("error")).isEqualTo("invalid_token");
        }
    }

    /** A token signed with the service's real key but with a claim changed: only the named check can fail. */
    private String resignedWith(Map<String, Object> changes) {
        Map<String, Object> claims = payload();
        claims.putAll(changes);
        try {
            return Jwts.builder().header().add(header()).and().claims(claims)
                    .signWith(activePrivateKey(), Jwts.SIG.ES256).compact();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Signed with the real key, one header parameter added or changed. */
    private String resignedWithHeader(String name, Object value) {
        Map<String, Object> header = header();
        header.put(name, value);
        try {
            return encode(header) + "." + encode(payload()) + "." + signature(encode(header) + "." + encode(payload()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** ES256 over the signing input, in the JWS form (R || S, 64 bytes). */
    private static String signature(String signingInput) throws Exception {
        java.security.Signature ecdsa = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        ecdsa.initSign(activePrivateKey());
        ecdsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return B64URL.encodeToString(ecdsa.sign());
    }

    private void assertRefused(String token) {
        Reply reply = api.me(token);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.text("error")).isEqualTo("invalid_token");
        assertThat(reply.headers().get("www-authenticate")).anySatisfy(value -> assertThat(value).startsWith("Bearer"));
    }

    private Map<String, Object> header() {
        try {
            return new LinkedHashMap<>(JSON.convertValue(ClaimsTest.decodePart(genuine, 0), Map.class));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, Object> payload() {
        try {
            return new LinkedHashMap<>(JSON.convertValue(ClaimsTest.decodePart(genuine, 1), Map.class));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String encode(Map<String, Object> json) throws Exception {
        return B64URL.encodeToString(JSON.writeValueAsBytes(json));
    }

    /** The key file the service generated for this test class. */
    private static PrivateKey activePrivateKey() throws Exception {
        String pem = Files.readString(Path.of("target/test-keys/token-rejection", KeyDirectory.SIGNING_KEY_FILE));
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
