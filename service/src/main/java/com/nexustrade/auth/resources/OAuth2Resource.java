package com.nexustrade.auth.resources;

import com.codahale.metrics.annotation.Timed;
import com.nexustrade.auth.api.JsonMediaType;
import com.nexustrade.auth.api.LoginFieldLimits;
import com.nexustrade.auth.api.ServiceTokenResponse;
import com.nexustrade.auth.api.TokenResponse;
import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.refresh.GrantFailure;
import com.nexustrade.auth.refresh.OpaqueTokens;
import com.nexustrade.auth.services.InvalidClientException;
import com.nexustrade.auth.users.InvalidCredentialsException;
import com.nexustrade.auth.refresh.InvalidGrantException;
import com.nexustrade.auth.common.InvalidRequestException;
import com.nexustrade.auth.services.ServiceAuthentication;
import com.nexustrade.auth.services.ServiceClient;
import com.nexustrade.auth.core.TokenIntrospection;
import com.nexustrade.auth.core.TokenService;
import com.nexustrade.auth.dpop.ClientPolicies;
import com.nexustrade.auth.dpop.DPoPPolicy;
import com.nexustrade.auth.dpop.ProofRequest;
import com.nexustrade.auth.common.UnsupportedGrantTypeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standard OAuth 2.0 surface beside the JSON API of docs/api.md, for off-the-shelf clients: the token endpoint
 * (RFC 6749), revocation (RFC 7009) and introspection (RFC 7662). Same rotation rule, same claims.
 */
@Path("/oauth2")
@Produces(JsonMediaType.UTF8)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class OAuth2Resource {

    private final TokenService tokens;
    private final ServiceAuthentication serviceAuthentication;
    private final TokenIntrospection introspection;
    private final boolean passwordGrantEnabled;
    private final Clock clock;
    private final ClientPolicies dpopPolicies;

    public OAuth2Resource(TokenService tokens, ServiceAuthentication serviceAuthentication,
                          TokenIntrospection introspection, boolean passwordGrantEnabled, Clock clock) {
        this(tokens, serviceAuthentication, introspection, passwordGrantEnabled, clock,
                new ClientPolicies(Map.of(), DPoPPolicy.OPTIONAL));
    }

    public OAuth2Resource(TokenService tokens, ServiceAuthentication serviceAuthentication,
                          TokenIntrospection introspection, boolean passwordGrantEnabled, Clock clock,
                          ClientPolicies dpopPolicies) {
        this.dpopPolicies = dpopPolicies;
        this.tokens = tokens;
        this.serviceAuthentication = serviceAuthentication;
        this.introspection = introspection;
        this.passwordGrantEnabled = passwordGrantEnabled;
        this.clock = clock;
    }

    @POST
    @Timed
    @Path("/token")
    public Object token(MultivaluedMap<String, String> form,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                        @Context HttpServletRequest http) {
        ClientContext client = Clients.of(http);
        Optional<OAuthClientCredentials> credentials = OAuthClientCredentials.from(authorization,
                single(form, "client_id"), single(form, "client_secret"));
        String grantType = required(form, "grant_type");
        // Public clients name themselves with client_id alone; its DPoP policy applies (docs/dpop.md).
        ProofRequest proof = DPoPHeader.of(http, "/oauth2/token", dpopPolicies.forClient(
                credentials.map(OAuthClientCredentials::clientId).orElseGet(() -> single(form, "client_id"))));
        return switch (grantType) {
            case "refresh_token" -> {
                // Public clients (the mobile app) send no secret; a client that does send one must be right.
                credentials.ifPresent(c -> authenticate(c, client));
                try {
                    yield TokenResponse.of(tokens.refresh(required(form, "refresh_token"), client, proof), clock);
                } catch (InvalidGrantException refused) {
                    throw new InvalidGrantException(400, refused.getFailure());
                }
            }
            case "client_credentials" -> {
                OAuthClientCredentials c = credentials.orElseThrow(() ->
                        new InvalidClientException("Client authentication is required.", "Basic"));
                yield ServiceTokenResponse.of(serviceAuthentication.serviceToken(authenticate(c, client)));
            }
            case "password" -> {
                if (!passwordGrantEnabled) {
                    throw new UnsupportedGrantTypeException(grantType);
                }
                credentials.ifPresent(c -> authenticate(c, client));
                String username = required(form, "username");
                String password = required(form, "password");
                String brokenLimit = LoginFieldLimits.check(username, password); // as /auth/login
                if (brokenLimit != null) {
                    throw new InvalidRequestException(brokenLimit);
                }
                try {
                    yield TokenResponse.of(tokens.login(username, password, client, proof), clock);
                } catch (InvalidCredentialsException refused) {
                    throw new InvalidGrantException(400, GrantFailure.INVALID_CREDENTIALS);
                }
            }
            default -> throw new UnsupportedGrantTypeException(grantType);
        };
    }

    /** RFC 7009: revokes the session of a refresh token; 200 whatever the token was, so nothing is revealed. */
    @POST
    @Timed
    @Path("/revoke")
    public Response revoke(MultivaluedMap<String, String> form, @Context HttpServletRequest http) {
        String token = required(form, "token");
        if (OpaqueTokens.couldBeRefreshToken(token)) { // access tokens are stateless and expire within minutes
            tokens.logout(token, Clients.of(http));
        }
        return Response.ok().build();
    }

    /** RFC 7662, for registered services only: an anonymous caller could otherwise probe stolen tokens. */
    @POST
    @Timed
    @Path("/introspect")
    public Map<String, Object> introspect(MultivaluedMap<String, String> form,
                                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                          @Context HttpServletRequest http) {
        OAuthClientCredentials credentials = OAuthClientCredentials.from(authorization, single(form, "client_id"),
                        single(form, "client_secret"))
                .orElseThrow(() -> new InvalidClientException("Client authentication is required.", "Basic"));
        authenticate(credentials, Clients.of(http));
        return introspection.introspect(required(form, "token"));
    }

    private ServiceClient authenticate(OAuthClientCredentials credentials, ClientContext client) {
        try {
            return serviceAuthentication.authenticateClient(credentials.clientId(), credentials.clientSecret(), client);
        } catch (InvalidClientException refused) {
            throw refused.withChallenge("Basic"); // RFC 6749 §5.2: the challenge names the scheme clients use here
        }
    }

    private static String required(MultivaluedMap<String, String> form, String name) {
        String value = single(form, name);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(name + " is required");
        }
        return value;
    }

    /** RFC 6749 §3.2: a parameter sent more than once makes the request invalid. */
    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidRequestException(name + " is repeated");
        }
        return values.get(0);
    }
}
