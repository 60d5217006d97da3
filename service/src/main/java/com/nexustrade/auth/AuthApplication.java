package com.nexustrade.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.nexustrade.auth.auth.AccessTokenAuthenticator;
import com.nexustrade.auth.auth.BearerTokenFilter;
import com.nexustrade.auth.auth.JsonUnauthorizedHandler;
import com.nexustrade.auth.auth.RoleAuthorizer;
import com.nexustrade.auth.cli.AddServiceCommand;
import com.nexustrade.auth.cli.AddUserCommand;
import com.nexustrade.auth.cli.RevokeSessionsCommand;
import com.nexustrade.auth.config.BootstrapService;
import com.nexustrade.auth.config.BootstrapUser;
import com.nexustrade.auth.config.DemoCredentialsGuard;
import com.nexustrade.auth.config.TokenSettings;
import com.nexustrade.auth.access.AccessTokenIssuer;
import com.nexustrade.auth.access.AccessTokenVerifier;
import com.nexustrade.auth.core.AuthMetrics;
import com.nexustrade.auth.throttling.FailureBudgets;
import com.nexustrade.auth.throttling.FailureThrottle;
import com.nexustrade.auth.throttling.InMemoryBudgets;
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
import com.nexustrade.auth.refresh.RotationAdmission;
import com.nexustrade.auth.refresh.SessionLifetimes;
import com.nexustrade.auth.services.ServiceAuthMetrics;
import com.nexustrade.auth.services.ServiceAuthentication;
import com.nexustrade.auth.refresh.SuccessorSeal;
import com.nexustrade.auth.core.TokenIntrospection;
import com.nexustrade.auth.core.TokenService;
import com.nexustrade.auth.users.UserDirectory;
import com.nexustrade.auth.access.VerifiedAccessToken;
import com.nexustrade.auth.config.StoreSettings;
import com.nexustrade.auth.db.DPoPProofJtiDao;
import com.nexustrade.auth.db.DatabaseBudgets;
import com.nexustrade.auth.db.GroupCommitRotations;
import com.nexustrade.auth.db.OneConnection;
import com.nexustrade.auth.db.OwnerOnlyFiles;
import com.nexustrade.auth.dpop.ClientPolicies;
import com.nexustrade.auth.dpop.ProofJtiJanitor;
import com.nexustrade.auth.dpop.ProofVerifier;
import com.nexustrade.auth.dpop.ServerNonces;
import com.nexustrade.auth.resources.DPoPNonceFilter;
import com.nexustrade.auth.resources.JsonRefreshFastPath;
import com.nexustrade.auth.db.RefreshTokenDao;
import com.nexustrade.auth.db.SchemaMigrator;
import com.nexustrade.auth.db.SessionDao;
import com.nexustrade.auth.db.ServiceClientDao;
import com.nexustrade.auth.db.SqlTemplating;
import com.nexustrade.auth.db.TokenLookupQuery;
import com.nexustrade.auth.db.UserDao;
import com.nexustrade.auth.db.WalCheckpoint;
import com.nexustrade.auth.errors.AuthExceptionMapper;
import com.nexustrade.auth.errors.JsonErrorHandler;
import com.nexustrade.auth.errors.JsonProcessingExceptionMapper;
import com.nexustrade.auth.errors.UnexpectedExceptionMapper;
import com.nexustrade.auth.errors.ValidationExceptionMapper;
import com.nexustrade.auth.errors.WebApplicationExceptionMapper;
import com.nexustrade.auth.health.HeapLimitWarning;
import com.nexustrade.auth.health.SigningKeyHealthCheck;
import com.nexustrade.auth.metrics.PrometheusEndpoint;
import com.nexustrade.auth.metrics.RequestLatency;
import com.nexustrade.auth.refresh.RotationWriter;
import com.nexustrade.auth.resources.AuthResource;
import com.nexustrade.auth.resources.JwksResource;
import com.nexustrade.auth.resources.NoStoreFilter;
import com.nexustrade.auth.resources.OAuth2Resource;
import com.nexustrade.auth.resources.OAuthMetadataResource;
import com.nexustrade.auth.resources.OpenApiResource;
import com.nexustrade.auth.resources.RequestBodyFormatFilter;
import com.nexustrade.auth.resources.RequestSizeLimitFilter;
import com.nexustrade.auth.resources.ServiceAuthResource;
import com.nexustrade.auth.server.AccessLogWithoutQuery;
import com.nexustrade.auth.server.AdminTasksRemoved;
import com.nexustrade.auth.server.NoSniff;
import com.nexustrade.auth.server.SafeServerCommand;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import jakarta.servlet.DispatcherType;
import org.jdbi.v3.core.Jdbi;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;

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
        bootstrap.addCommand(new RevokeSessionsCommand());
    }

    @Override
    protected void addDefaultCommands(Bootstrap<AuthConfiguration> bootstrap) {
        bootstrap.addCommand(new SafeServerCommand(this));
        bootstrap.addCommand(new CheckCommand<>(this));
    }

    @Override
    public void run(AuthConfiguration config, Environment environment) throws Exception {
        TokenSettings tokenSettings = config.getTokens();
        DemoCredentialsGuard.check(config.getBootstrap(), config.getServerFactory());
        hardenServer(config, environment);

        OwnerOnlyFiles.prepareDirectory(config.getDatabase().getUrl());
        SchemaMigrator.migrate(config.getDatabase());
        OwnerOnlyFiles.restrictFiles(config.getDatabase().getUrl());
        Jdbi jdbi = SqlTemplating.off(new JdbiFactory().build(environment, config.getDatabase(), "database"));
        RefreshTokenDao refreshTokenDao = jdbi.onDemand(RefreshTokenDao.class);
        UserDirectory users = new UserDirectory(jdbi.onDemand(UserDao.class));
        PasswordHasher passwordHasher = new PasswordHasher(config.getHashing().getMaxConcurrentHashes(),
                config.getHashing().getMaxQueueWait());
        provision(config, new Provisioning(jdbi, passwordHasher, clock));

        KeyDirectory keyDirectory = config.getKeys().buildKeyDirectory();
        KeyRing keyRing = keyDirectory.loadKeyRing();
        AccessTokenIssuer accessTokens = new AccessTokenIssuer(keyRing, config.buildRolePermissions(),
                tokenSettings.buildIssuerAndAudience(), tokenSettings.getAccessTokenTtl(),
                tokenSettings.getServiceTokenTtl(), clock);
        AccessTokenVerifier verifier = new AccessTokenVerifier(keyRing, tokenSettings.buildIssuerAndAudience(), clock);
        SecurityEvents securityEvents = new SecurityEvents();
        AuthMetrics metrics = new AuthMetrics(environment.metrics());
        FailureThrottle throttle = new FailureThrottle(clock, failureBudgets(config, jdbi));
        SecretKey sealKey = keyDirectory.loadSealKey();
        OpaqueTokens opaqueTokens = new OpaqueTokens(sealKey);
        SessionLifetimes lifetimes = tokenSettings.buildSessionLifetimes();
        RotationAdmission admission = new RotationAdmission(config.getStore().getMaxRefreshesRotating(), opaqueTokens,
                lifetimes.reuseGrace(), clock);
        RefreshTokenRotation rotation = new RefreshTokenRotation(refreshTokenDao, new TokenLookupQuery(jdbi),
                rotationWriter(config, environment, refreshTokenDao), opaqueTokens,
                new SuccessorSeal(sealKey), lifetimes, clock,
                securityEvents);
        PasswordLogin passwordLogin = new PasswordLogin(users, passwordHasher, new LoginThrottle(throttle), securityEvents);
        DPoPProofJtiDao proofJtis = jdbi.onDemand(DPoPProofJtiDao.class);
        ServerNonces nonces = config.getDpop().isRequireNonce()
                ? new ServerNonces(sealKey, clock) : null;
        ProofVerifier proofVerifier = new ProofVerifier(tokenSettings.getIssuer(), config.getDpop().getMaxClockSkew(),
                clock, proofJtis, nonces, AccessTokenIssuer.BOUNCY_CASTLE);
        ClientPolicies dpopPolicies = config.getOauth2().buildDPoPPolicies();
        TokenService tokenService = new TokenService(passwordLogin, rotation, accessTokens, metrics,
                new OneConnection(jdbi), proofVerifier, admission);
        ServiceAuthentication serviceAuthentication = new ServiceAuthentication(jdbi.onDemand(ServiceClientDao.class),
                passwordHasher, accessTokens, new ServiceAuthThrottle(throttle), securityEvents,
                new ServiceAuthMetrics(environment.metrics()));

        environment.lifecycle().manage(new RefreshTokenJanitor(refreshTokenDao, clock, JANITOR_INTERVAL,
                config.getStore().getKeepEndedSessions()));
        environment.lifecycle().manage(new ProofJtiJanitor(proofJtis, clock, JANITOR_INTERVAL));
        if (config.getDatabase().getDriverClass().startsWith("org.sqlite.")) {
            environment.lifecycle().manage(new WalCheckpoint(jdbi, JANITOR_INTERVAL));
        }
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
                new TokenIntrospection(verifier, refreshTokenDao, jdbi.onDemand(SessionDao.class), opaqueTokens,
                        tokenSettings.buildIssuerAndAudience(), clock), passwordGrant, clock,
                dpopPolicies));
        environment.jersey().register(new OAuthMetadataResource(tokenSettings.getIssuer(), passwordGrant));
        environment.jersey().register(new OpenApiResource());
        environment.jersey().register(new NoStoreFilter());
        if (nonces != null) {
            environment.jersey().register(new DPoPNonceFilter(nonces));
        }
        environment.jersey().register(new RequestSizeLimitFilter());
        environment.jersey().register(new RequestBodyFormatFilter());

        registerJsonErrors(config, environment);

        // Operability: Prometheus on the admin port, the readiness check of the data volume, the heap warning.
        RequestLatency latency = PrometheusEndpoint.install(environment);
        if (jerseyAtRoot(config)) {
            // The refresh of market open, answered before Jersey (docs/architecture.md, "The path of a refresh").
            // Under another Jersey root path the API is not at /auth/refresh, so neither is the fast path.
            environment.servlets().addFilter("json-refresh", new JsonRefreshFastPath(tokenService, clock,
                            dpopPolicies.defaultPolicy(), nonces, environment.getObjectMapper(), environment.metrics(),
                            latency))
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, JsonRefreshFastPath.PATH);
        }
        environment.healthChecks().register("data-volume", config.getDataVolume().buildHealthCheck());
        HeapLimitWarning.logIfOverLimit();
    }

    /** What the server offers beyond the API: no admin tasks, no compression, no query strings in the access log. */
    private static void hardenServer(AuthConfiguration config, Environment environment) {
        environment.admin().addFilter("admin-tasks-removed", new AdminTasksRemoved())
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, AdminTasksRemoved.PATH);
        if (config.getServerFactory() instanceof AbstractServerFactory serverFactory) {
            // Token responses mix secrets with reflected input: compressing them invites BREACH-style guessing,
            // and inflating request bodies only served to turn a fake gzip body into a 500.
            serverFactory.getGzipFilterFactory().setEnabled(false);
        }
        AccessLogWithoutQuery.apply(config.getServerFactory());
    }

    /** Whether Jersey serves the API at the root (Dropwizard's default {@code server.rootPath}, {@code /*}). */
    private static boolean jerseyAtRoot(AuthConfiguration config) {
        return !(config.getServerFactory() instanceof AbstractServerFactory serverFactory)
                || serverFactory.getJerseyRootPath().map(path -> path.equals("/*") || path.equals("/")).orElse(true);
    }

    /**
     * An embedded database (SQLite, H2) belongs to one process, so its instance keeps the budgets in memory; any other database may be
     * shared by several instances, and then the budgets must be shared too (docs/operations.md).
     */
    private static FailureBudgets failureBudgets(AuthConfiguration config, Jdbi jdbi) {
        String driver = config.getDatabase().getDriverClass();
        boolean embedded = driver.startsWith("org.h2.") || driver.startsWith("org.sqlite.");
        return embedded ? new InMemoryBudgets() : new DatabaseBudgets(jdbi);
    }

    /**
     * With group commit on, rotations are written by one writer on a connection pool of its own (one connection in
     * use), so that request threads waiting for it while holding pooled connections cannot starve it.
     */
    private static RotationWriter rotationWriter(AuthConfiguration config, Environment environment,
                                                 RefreshTokenDao dao) {
        StoreSettings store = config.getStore();
        if (!store.isGroupCommit()) {
            return dao::rotate;
        }
        DataSourceFactory oneConnection = environment.getObjectMapper()
                .convertValue(config.getDatabase(), DataSourceFactory.class);
        oneConnection.setInitialSize(1);
        oneConnection.setMinSize(1);
        oneConnection.setMaxSize(1);
        Jdbi writerConnection = SqlTemplating.off(new JdbiFactory().build(environment, oneConnection, "rotation-writer"));
        GroupCommitRotations groupCommit = new GroupCommitRotations(writerConnection, store.getMaxRotationsPerCommit());
        environment.lifecycle().manage(groupCommit);
        return groupCommit;
    }

    private static void provision(AuthConfiguration config, Provisioning provisioning) {
        for (BootstrapUser user : config.getBootstrap().getUsers()) {
            provisioning.createUserIfMissing(user.username(), user.email(), user.password(), user.roles(), user.tenant());
        }
        for (BootstrapService service : config.getBootstrap().getServices()) {
            provisioning.createServiceIfMissing(service.id(), service.secret(), service.permissions());
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
                    NoSniff.installOn(server);
                }
            }
        });
    }
}
