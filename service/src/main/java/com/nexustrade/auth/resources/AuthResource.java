package com.nexustrade.auth.resources;

import com.nexustrade.auth.api.JsonMediaType;
import com.nexustrade.auth.api.LoginRequest;
import com.nexustrade.auth.api.MeResponse;
import com.nexustrade.auth.api.RefreshTokenRequest;
import com.nexustrade.auth.api.TokenResponse;
import com.nexustrade.auth.access.InsufficientScopeException;
import com.nexustrade.auth.common.InvalidRequestException;
import com.nexustrade.auth.core.TokenService;
import com.nexustrade.auth.dpop.DPoPPolicy;
import com.nexustrade.auth.access.VerifiedAccessToken;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;

@Path("/auth")
@Produces(JsonMediaType.UTF8)
public class AuthResource {

    private final TokenService tokens;
    private final Clock clock;
    private final DPoPPolicy dpopPolicy;

    public AuthResource(TokenService tokens, Clock clock) {
        this(tokens, clock, DPoPPolicy.OPTIONAL);
    }

    /** @param dpopPolicy the JSON API's client's ({@code oauth2.defaultClient.dpop}) */
    public AuthResource(TokenService tokens, Clock clock, DPoPPolicy dpopPolicy) {
        this.tokens = tokens;
        this.clock = clock;
        this.dpopPolicy = dpopPolicy;
    }

    @POST
    @Timed
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenResponse login(@Valid LoginRequest request, @Context HttpServletRequest http) {
        requireBody(request);
        return TokenResponse.of(tokens.login(request.username(), request.password(), Clients.of(http),
                DPoPHeader.of(http, "/auth/login", dpopPolicy)), clock);
    }

    @POST
    @Timed(name = "refresh-json")
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenResponse refresh(RefreshTokenRequest request, @Context HttpServletRequest http) {
        requireBody(request);
        return TokenResponse.of(tokens.refresh(RefreshTokenField.require(request.refreshToken()), Clients.of(http),
                DPoPHeader.of(http, "/auth/refresh", dpopPolicy)), clock);
    }

    /** Form-encoded refresh, as OAuth clients send it; {@code token=} is the old service's field name. */
    @POST
    @Timed(name = "refresh-form")
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TokenResponse refreshForm(@FormParam("refresh_token") String refreshToken,
                                     @FormParam("token") String legacyToken, @Context HttpServletRequest http) {
        return TokenResponse.of(tokens.refresh(RefreshTokenField.fromForm(refreshToken, legacyToken), Clients.of(http),
                DPoPHeader.of(http, "/auth/refresh", dpopPolicy)), clock);
    }

    @POST
    @Timed(name = "logout-json")
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response logout(RefreshTokenRequest request, @Context HttpServletRequest http) {
        requireBody(request);
        tokens.logout(RefreshTokenField.require(request.refreshToken()), Clients.of(http));
        return Response.noContent().build();
    }

    @POST
    @Timed(name = "logout-form")
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logoutForm(@FormParam("refresh_token") String refreshToken,
                               @FormParam("token") String legacyToken, @Context HttpServletRequest http) {
        tokens.logout(RefreshTokenField.fromForm(refreshToken, legacyToken), Clients.of(http));
        return Response.noContent().build();
    }

    @GET
    @Timed
    @Path("/me")
    public MeResponse me(@Auth VerifiedAccessToken token) {
        if (token.service()) {
            throw new InsufficientScopeException("A service token has no user profile.");
        }
        return MeResponse.of(token);
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON object body is required.");
        }
    }
}
