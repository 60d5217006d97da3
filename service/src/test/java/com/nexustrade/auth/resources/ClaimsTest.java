package com.nexustrade.auth.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident's reproduction step 2: decode the access token. The old service's tokens lacked
 * {@code roles}, {@code permissions} and {@code tenant_id}, so downstream services answered 403.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClaimsTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("claims", CLOCK);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(APP.getLocalPort());
    }

    @Test
    void decodedAccessTokenCarriesRolesPermissionsAndTenant() throws Exception {
        JsonNode claims = decodePart(login().text("access_token"), 1);

        assertThat(JSON.convertValue(claims.get("roles"), List.class)).containsExactly("admin", "trader");
        assertThat(JSON.convertValue(claims.get("permissions"), List.class))
                .containsExactly("accounts:read", "marketdata:read", "orders:cancel-any", "orders:read",
                        "orders:write", "portfolio:read", "users:read", "users:write");
        assertThat(claims.get("tenant_id").asText()).isEqualTo("acme");
        assertThat(claims.get("username").asText()).isEqualTo("trader1");
        assertThat(claims.get("email").asText()).isEqualTo("trader1@example.com");
        assertThat(claims.get("iss").asText()).isEqualTo("http://nexus-auth.test");
        assertThat(claims.get("aud").asText()).isEqualTo("nexustrade-api");
        assertThat(claims.get("sub").asText()).isNotBlank();
        assertThat(claims.get("jti").asText()).isNotBlank();
        assertThat(claims.get("sid").asText()).isNotBlank();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
    }

    @Test
    void accessTokenHeaderIsEs256AtJwtWithAKidPublishedInTheJwks() throws Exception {
        JsonNode header = decodePart(login().text("access_token"), 0);
        JsonNode jwks = api.send(HttpRequest.newBuilder(api.uri("/.well-known/jwks.json")).GET()).json();

        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        assertThat(header.get("typ").asText()).isEqualTo("at+jwt");
        assertThat(jwks.get("keys")).hasSize(1);
        assertThat(jwks.get("keys").get(0).get("kid").asText()).isEqualTo(header.get("kid").asText());
        assertThat(jwks.get("keys").get(0).has("d")).as("no private part published").isFalse();
    }

    @Test
    void downstreamServiceVerifiesTheTokenWithOnlyTheJwks() {
        String accessToken = login().text("access_token");
        String jwksJson = api.send(HttpRequest.newBuilder(api.uri("/.well-known/jwks.json")).GET()).body();
        JwkSet jwks = Jwks.setParser().build().parse(jwksJson);

        Jws<Claims> verified = Jwts.parser()
                .keyLocator(header -> jwks.getKeys().stream()
                        .filter(jwk -> jwk.getId().equals(((io.jsonwebtoken.ProtectedHeader) header).getKeyId()))
                        .map(jwk -> (PublicKey) ((PublicJwk<?>) jwk).toKey())
                        .findFirst().orElseThrow())
                .clock(() -> Date.from(CLOCK.instant()))
                .requireIssuer("http://nexus-auth.test")
                .build()
                .parseSignedClaims(accessToken);

        assertThat(verified.getPayload().get("tenant_id", String.class)).isEqualTo("acme");
    }

    @Test
    void refreshedAccessTokenCarriesTheSameClaimsAndSession() throws Exception {
        Reply login = login();
        Reply refreshed = api.refresh(login.text("refresh_token"));

        JsonNode before = decodePart(login.text("access_token"), 1);
        JsonNode after = decodePart(refreshed.text("access_token"), 1);
        assertThat(after.get("roles")).isEqualTo(before.get("roles"));
        assertThat(after.get("permissions")).isEqualTo(before.get("permissions"));
        assertThat(after.get("tenant_id")).isEqualTo(before.get("tenant_id"));
        assertThat(after.get("sid")).isEqualTo(before.get("sid"));
        assertThat(after.get("jti")).isNotEqualTo(before.get("jti"));
    }

    @Test
    void meAnswersTheProfileOfTheTokensUser() {
        Reply me = api.me(login().text("access_token"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo("trader1");
        assertThat(me.text("email")).isEqualTo("trader1@example.com");
        assertThat(me.text("tenant_id")).isEqualTo("acme");
        assertThat(JSON.convertValue(me.json().get("roles"), List.class)).containsExactly("admin", "trader");
        assertThat(me.json().get("permissions")).isNotEmpty();
        assertThat(me.text("sub")).isNotBlank();
    }

    @Test
    void userWithOnlyTheTraderRoleGetsOnlyTraderPermissions() throws Exception {
        JsonNode claims = decodePart(api.login("viewer", "viewer-test-password").text("access_token"), 1);

        assertThat(JSON.convertValue(claims.get("roles"), List.class)).containsExactly("trader");
        assertThat(JSON.convertValue(claims.get("permissions"), List.class))
                .containsExactly("marketdata:read", "orders:read", "orders:write", "portfolio:read");
        assertThat(claims.get("tenant_id").asText()).isEqualTo("globex");
    }

    private Reply login() {
        Reply login = api.login(TestService.USERNAME, TestService.PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        return login;
    }

    static JsonNode decodePart(String jwt, int index) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    }
}
