package com.nexustrade.auth.access;

import com.nexustrade.auth.keys.KeyDirectory;
import com.nexustrade.auth.keys.KeyRing;
import com.nexustrade.auth.keys.SigningKey;
import com.nexustrade.auth.users.UserAccount;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The issuer signs with whichever provider is faster on the running JDK; both must mint the same valid tokens. */
class SignatureProviderTest {

    private static final String ISSUER = "http://localhost:8080";
    private static final String AUDIENCE = "nexustrade-api";

    @Test
    void jdk17KeepsBouncyCastleAndJdk25UsesItsOwnProvider() {
        assertThat(AccessTokenIssuer.fastestEs256Provider(17)).isSameAs(AccessTokenIssuer.BOUNCY_CASTLE);
        assertThat(AccessTokenIssuer.fastestEs256Provider(21)).isSameAs(AccessTokenIssuer.BOUNCY_CASTLE);
        assertThat(AccessTokenIssuer.fastestEs256Provider(25)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bouncycastle", "jdk"})
    void eitherProviderMintsATokenTheVerifierAcceptsWithEveryClaim(String provider) {
        KeyPair pair = KeyDirectory.newEcKeyPair();
        KeyRing ring = new KeyRing(SigningKey.ofPair((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate()),
                List.of());
        AccessTokenIssuer issuer = new AccessTokenIssuer(ring, new RolePermissions(Map.of("trader", List.of("orders:read"))),
                new IssuerAndAudience(ISSUER, AUDIENCE), Duration.ofMinutes(5), Duration.ofMinutes(5), Clock.systemUTC(),
                provider.equals("jdk") ? null : AccessTokenIssuer.BOUNCY_CASTLE);
        UserAccount user = new UserAccount("user-1", "trader1", "trader1@example.com", "acme", List.of("trader"));

        VerifiedAccessToken verified = new AccessTokenVerifier(ring, new IssuerAndAudience(ISSUER, AUDIENCE), Clock.systemUTC())
                .verify(issuer.forUser(user, "family-1").jwt());

        assertThat(verified.subject()).isEqualTo("user-1");
        assertThat(verified.roles()).containsExactly("trader");
    }
}
