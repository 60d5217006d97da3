package com.nexustrade.auth.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.nexustrade.auth.AuthApplication;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.keys.KeyDirectory;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rotation as operations does it: the old key moves to {@code previous-*.pem}, a new one becomes
 * {@code signing-key.pem}. Tokens of the old key keep verifying until they expire; new tokens use the new key.
 */
class SigningKeyRotationTest {

    @TempDir
    Path keys;

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void sealKey() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(keys.resolve(KeyDirectory.SEAL_KEY_FILE), Base64.getEncoder().encodeToString(key));
    }

    @Test
    void tokensOfThePreviousKeyKeepVerifyingAndNewTokensUseTheNewKey() throws Exception {
        Files.writeString(keys.resolve(KeyDirectory.SIGNING_KEY_FILE), newPrivateKeyPem());
        String oldToken;
        String oldKid;
        DropwizardTestSupport<AuthConfiguration> before = service("key_rotation");
        before.before();
        try {
            oldToken = new ApiClient(before.getLocalPort()).login(TestService.USERNAME, TestService.PASSWORD)
                    .text("access_token");
            oldKid = ClaimsTest.decodePart(oldToken, 0).get("kid").asText();
        } finally {
            before.after();
        }

        Files.move(keys.resolve(KeyDirectory.SIGNING_KEY_FILE), keys.resolve("previous-2026-11.pem"));
        Files.writeString(keys.resolve(KeyDirectory.SIGNING_KEY_FILE), newPrivateKeyPem());
        DropwizardTestSupport<AuthConfiguration> after = service("key_rotation");
        after.before();
        try {
            ApiClient api = new ApiClient(after.getLocalPort());
            String newToken = api.login(TestService.USERNAME, TestService.PASSWORD).text("access_token");
            String newKid = ClaimsTest.decodePart(newToken, 0).get("kid").asText();

            assertThat(newKid).isNotEqualTo(oldKid);
            assertThat(jwksKids(api)).containsExactly(newKid, oldKid);
            assertThat(api.me(oldToken).status()).as("token of the previous key").isEqualTo(200);
            assertThat(api.me(newToken).status()).isEqualTo(200);
        } finally {
            after.after();
        }
    }

    @Test
    void signingKeyFromConfigurationTextWinsOverTheDirectory() throws Exception {
        Files.writeString(keys.resolve(KeyDirectory.SIGNING_KEY_FILE), newPrivateKeyPem());
        String pem = newPrivateKeyPem();
        DropwizardTestSupport<AuthConfiguration> service = service("key_from_env",
                ConfigOverride.config("keys.signingKeyPem", pem));
        service.before();
        try {
            ApiClient api = new ApiClient(service.getLocalPort());
            String token = api.login(TestService.USERNAME, TestService.PASSWORD).text("access_token");
            String kid = ClaimsTest.decodePart(token, 0).get("kid").asText();

            assertThat(jwksKids(api)).containsExactly(kid);
            assertThat(api.me(token).status()).isEqualTo(200);
        } finally {
            service.after();
        }
    }

    private static List<String> jwksKids(ApiClient api) {
        JsonNode jwks = api.send(HttpRequest.newBuilder(api.uri("/.well-known/jwks.json")).GET()).json();
        List<String> kids = new ArrayList<>();
        jwks.get("keys").forEach(key -> kids.add(key.get("kid").asText()));
        return kids;
    }

    private static String newPrivateKeyPem() {
        KeyPair pair = KeyDirectory.newEcKeyPair();
        return KeyDirectory.pem("PRIVATE KEY", Objects.requireNonNull(pair.getPrivate().getEncoded()));
    }

    private DropwizardTestSupport<AuthConfiguration> service(String database, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", TestService.h2Url(database)),
                ConfigOverride.config("keys.directory", keys.toString()),
                ConfigOverride.config("keys.generateIfMissing", "false")));
        overrides.addAll(List.of(extra));
        return new DropwizardTestSupport<>(AuthApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                overrides.toArray(ConfigOverride[]::new)) {
            @Override
            public Application<AuthConfiguration> newApplication() {
                return new AuthApplication(clock);
            }
        };
    }
}
