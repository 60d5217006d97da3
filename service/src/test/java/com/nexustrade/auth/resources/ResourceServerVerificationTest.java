package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.Date;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A resource server verifies our access tokens with Nimbus JOSE+JWT configured exactly as docs/integrating.md says. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ResourceServerVerificationTest {

    private static final String ISSUER = "http://nexus-auth.test"; // tokens.issuer of the test configuration
    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP =
            TestService.extension("resource-server", CLOCK);

    @Test
    void theDocumentedProcessorAcceptsOurAccessTokenAndReadsItsClaims() throws Exception {
        JWTClaimsSet claims = documentedProcessor("nexustrade-api").process(userAccessToken(), null);

        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("nexustrade-api");
        assertThat(claims.getStringListClaim("roles")).containsExactly("admin", "trader");
        assertThat(claims.getStringListClaim("permissions")).contains("orders:write");
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo("acme");
    }

    @Test
    void nimbusWithoutTheAtJwtTypeVerifierRefusesOurTokens() throws Exception {
        ConfigurableJWTProcessor<SecurityContext> stock = documentedProcessor("nexustrade-api");
        stock.setJWSTypeVerifier(new DefaultJWTProcessor<SecurityContext>().getJWSTypeVerifier());

        assertThatThrownBy(() -> stock.process(userAccessToken(), null))
                .isInstanceOf(BadJOSEException.class).hasMessageContaining("type");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThatThrownBy(() -> documentedProcessor("billing-api").process(userAccessToken(), null))
                .isInstanceOf(BadJOSEException.class).hasMessageContaining("aud");
    }

    private static String userAccessToken() {
        return new ApiClient(APP.getLocalPort()).login(TestService.USERNAME, TestService.PASSWORD).text("access_token");
    }

    /** docs/integrating.md, "Nimbus JOSE+JWT", with the test service's URL and issuer. */
    private static ConfigurableJWTProcessor<SecurityContext> documentedProcessor(String audience) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/.well-known/jwks.json").toURL())
                .build(); // caches the JWKS, refetches on an unknown kid (key rotation), rate-limited
        ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp", "iat", "jti")) {
            @Override
            public Date currentTime() {
                return Date.from(CLOCK.instant()); // the only change: the service's tokens carry the test clock's time
            }
        });
        return processor;
    }
}
