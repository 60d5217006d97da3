package com.nexustrade.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.nexustrade.auth.auth.AccessTokenAuthenticator;
import com.nexustrade.auth.auth.BearerTokenFilter;
import com.nexustrade.auth.auth.JsonUnauthorizedHandler;
import com.nexustrade.auth.auth.RoleAuthorizer;
import com.nexustrade.auth.cli.AddServiceCommand;
import com.nexustrade.auth.cli.AddUserCommand;
import com.nexustrade.auth.config.BootstrapService;
import com.nexustrade.auth.config.BootstrapUser;
import com.nexustrade.auth.config.TokenSettings;
import com.nexustrade.auth.access.AccessTokenIssuer;
import com.nexustrade.auth.access.AccessTokenVerifier;
import com.nexustrade.auth.core.AuthMetrics;
import com.nexustrade.auth.throttling.FailureThrottle;
import com.nexustrade.auth.throttling.LoginThrottle;
import com.nexustrade.auth.common.SecurityEvents;
import com.nexustrade.auth.throttling.ServiceAuthThrottle;
import com.nexustrade.auth.keys.KeyDirectory;
import com.nexustrade.auth.keys.KeyRing;
import com.nexustrade.auth.refresh.OpaqueTokens;
import com.nexustrade.auth.users.PasswordHasher;
import com.nexustrade.auth.users.PasswordLogin;
import com.nexustrade.auth.core.Provisioning;
import com.nexustrade.auth.refresh.RefreshTokenJanitor;
import com.nexustrade.auth.refresh.RefreshTokenRotation;
import com.nexustrade.auth.services.ServiceAuthMetrics;
import com.nexustrade.auth.services.ServiceAuthentication;
import com.nexustrade.auth.refresh.SuccessorSeal;
import com.nexustrade.auth.core.TokenIntrospection;
import com.nexustrade.auth.core.TokenService;
import com.nexustrade.auth.users.UserDirectory;
import com.nexustrade.auth.access.VerifiedAccessToken;
import com.nexustrade.auth.db.DPoPProofJtiDao;
import com.nexustrade.auth.db.OneConnection;
import com.nexustrade.auth.dpop.ClientPolicies;
import com.nexustrade.auth.dpop.ProofJtiJanitor;
import com.nexustrade.auth.dpop.ProofVerifier;
import com.nexustrade.auth.dpop.ServerNonces;
import com.nexustrade.auth.resources.DPoPNonceFilter;
import com.nexustrade.auth.db.RefreshTokenDao;
import com.nexustrade.auth.db.SchemaMigrator;
import com.nexustrade.auth.db.ServiceClientDao;
import com.nexustrade.auth.db.SqlTemplating;
import com.nexustrade.auth.db.UserDao;
import com.nexustrade.auth.errors.AuthExceptionMapper;
import com.nexustrade.auth.errors.JsonErrorHandler;
import com.nexustrade.auth.errors.JsonProcessingExceptionMapper;
import com.nexustrade.auth.errors.UnexpectedExceptionMapper;
import com.nexustrade.auth.errors.ValidationExceptionMapper;
import com.nexustrade.auth.errors.WebApplicationExceptionMapper;
import com.nexustrade.auth.health.SigningKeyHealthCheck;
import com.nexustrade.auth.resources.AuthResource;
import com.nexustrade.auth.resources.JwksResource;
import com.nexustrade.auth.resources.NoStoreFilter;
import com.nexustrade.auth.resources.OAuth2Resource;
import com.nexustrade.auth.resources.OAuthMetadataResource;
import com.nexustrade.auth.resources.RequestSizeLimitFilter;
import com.nexustrade.auth.resources.ServiceAuthResource;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;

public class AuthApplication extends Application<AuthConfiguration> {

    private static final Duration JANITOR_INTERVAL = Duration.ofSeconds(10);

    private final Clock clock;

    public AuthApplication() {
        this(Clock.systemUTC());
    }

    /** Tests pass a clock they control, so grace windows and expiry are exact without sleeping. */
    public AuthApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new AuthApplication().run(args);
    }

    @Override
    public String getName() {
        return "nexus-auth";
    }

    @Override
    public void initialize(Bootstrap<AuthConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor()));
        // Clients may send fields we do not know (OAuth libraries add their own); they are ignored, not refused.
        bootstrap.getObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(AuthConfiguration configuration) {
                return configuration.getDatabase();
            }
        });
        bootstrap.addCommand(new AddUserCommand());
        bootstrap.addCommand(new AddServiceCommand());
    }

    @Override
    public void run(AuthConfiguration config, Environment environment) throws Exception {
        TokenSettings tokenSettings = config.getTokens();

        SchemaMigrator.migrate(config.getDatabase());
        Jdbi jdbi = SqlTemplating.off(new JdbiFactory().build(environment, config.getDatabase(), "database"));
        RefreshTokenDao refreshTokenDao = jdbi.onDemand(RefreshTokenDao.class);
        UserDirectory users = new UserDirectory(jdbi.onDemand(UserDao.class));
        PasswordHasher passwordHasher = new PasswordHasher();
        provision(config, new Provisioning(jdbi, passwordHasher, clock));

        KeyDirectory keyDirectory = config.getKeys().buildKeyDirectory();
        KeyRing keyRing = keyDirectory.loadKeyRing();
        AccessTokenIssuer accessTokens = new AccessTokenIssuer(keyRing, config.buildRolePermissions(),
                tokenSettings.getIssuer(), tokenSettings.getAudience(), tokenSettings.getAccessTokenTtl(),
                tokenSettings.getServiceTokenTtl(), clock);
        AccessTokenVerifier verifier = new AccessTokenVerifier(keyRing, tokenSettings.getIssuer(),
                tokenSettings.getAudience(), clock);
        SecurityEvents securityEvents = new SecurityEvents();
        AuthMetrics metrics = new AuthMetrics(environment.metrics());
        FailureThrottle throttle = new FailureThrottle(clock);
        OpaqueTokens opaqueTokens = new OpaqueTokens();
        RefreshTokenRotation rotation = new RefreshTokenRotation(refreshTokenDao, opaqueTokens,
                new SuccessorSeal(keyDirectory.loadSealKey()), tokenSettings.getRefreshTokenTtl(),
                tokenSettings.getRefreshReuseGrace(), clock, securityEvents);
        PasswordLogin passwordLogin = new PasswordLogin(users, passwordHasher, new LoginThrottle(throttle), securityEvents);
        DPoPProofJtiDao proofJtis = jdbi.onDemand(DPoPProofJtiDao.class);
        ServerNonces nonces = config.getDpop().isRequireNonce()
                ? new ServerNonces(keyDirectory.loadSealKey(), clock) : null;
        ProofVerifier proofVerifier = new ProofVerifier(tokenSettings.getIssuer(), config.getDpop().getMaxClockSkew(),
                clock, proofJtis, nonces, AccessTokenIssuer.BOUNCY_CASTLE);
        ClientPolicies dpopPolicies = config.getOauth2().buildDPoPPolicies();
        TokenService tokenService = new TokenService(passwordLogin, rotation, accessTokens, metrics,
                new OneConnection(jdbi), proofVerifier);
        ServiceAuthentication serviceAuthentication = new ServiceAuthentication(jdbi.onDemand(ServiceClientDao.class),
                passwordHasher, accessTokens, new ServiceAuthThrottle(throttle), securityEvents,
                new ServiceAuthMetrics(environment.metrics()));

        environment.lifecycle().manage(new RefreshTokenJanitor(refreshTokenDao, clock, JANITOR_INTERVAL));
        environment.lifecycle().manage(new ProofJtiJanitor(proofJtis, clock, JANITOR_INTERVAL));
        environment.healthChecks().register("signing-key", new SigningKeyHealthCheck(accessTokens, verifier));

        environment.jersey().register(new AuthDynamicFeature(new BearerTokenFilter.Builder(proofVerifier)
                .setAuthenticator(new AccessTokenAuthenticator(verifier))
                .setAuthorizer(new RoleAuthorizer())
                .setPrefix("Bearer")
                .setRealm("nexus-auth")
                .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                .buildAuthFilter()));
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(VerifiedAccessToken.class));

        environment.jersey().register(new AuthResource(tokenService, clock, dpopPolicies.defaultPolicy()));
        environment.jersey().register(new ServiceAuthResource(serviceAuthentication));
        environment.jersey().register(new JwksResource(keyRing));
        boolean passwordGrant = config.getOauth2().isPasswordGrantEnabled();
        environment.jersey().register(new OAuth2Resource(tokenService, serviceAuthentication,
                new TokenIntrospection(verifier, refreshTokenDao, opaqueTokens, tokenSettings.getIssuer(),
                        tokenSettings.getAudience(), clock), passwordGrant, clock, dpopPolicies));
        environment.jersey().register(new OAuthMetadataResource(tokenSettings.getIssuer(), passwordGrant));
        environment.jersey().register(new NoStoreFilter());
        if (nonces != null) {
            environment.jersey().register(new DPoPNonceFilter(nonces));
        }
        environment.jersey().register(new RequestSizeLimitFilter());

        registerJsonErrors(config, environment);
    }

    private static void provision(AuthConfiguration config, Provisioning provisioning) {
        for (BootstrapUser user : config.getBootstrap().getUsers()) {
            provisioning.upsertUser(user.username(), user.email(), user.password(), user.roles(), user.tenant());
        }
        for (BootstrapService service : config.getBootstrap().getServices()) {
            provisioning.upsertService(service.id(), service.secret(), service.permissions());
        }
    }

    /** Every error a client can meet, from our rules, Jersey, Jackson, validation or Jetty, has the contract's shape. */
    private static void registerJsonErrors(AuthConfiguration config, Environment environment) {
        if (config.getServerFactory() instanceof AbstractServerFactory serverFactory) {
            serverFactory.setRegisterDefaultExceptionMappers(false);
        }
        environment.jersey().register(new AuthExceptionMapper());
        environment.jersey().register(new JsonProcessingExceptionMapper());
        environment.jersey().register(new ValidationExceptionMapper());
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new UnexpectedExceptionMapper());
        JsonErrorHandler errorHandler = new JsonErrorHandler(environment.getObjectMapper());
        environment.getApplicationContext().setErrorHandler(errorHandler);
        // Installed while the server is starting: Jetty reads its error handler before the first request.
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(errorHandler);
                }
            }
        });
    }
}
