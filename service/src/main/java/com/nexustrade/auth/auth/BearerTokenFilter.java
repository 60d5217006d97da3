package com.nexustrade.auth.auth;

import com.nexustrade.auth.access.VerifiedAccessToken;
import com.nexustrade.auth.api.ErrorResponse;
import com.nexustrade.auth.api.JsonMediaType;
import com.nexustrade.auth.dpop.InvalidDPoPProofException;
import com.nexustrade.auth.dpop.ProofVerifier;
import com.nexustrade.auth.dpop.UseDPoPNonceException;
import com.nexustrade.auth.dpop.VerifiedProof;
import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750 §2.1), or {@code Authorization: DPoP <token>} with a
 * {@code DPoP} proof header (RFC 9449 §7), and nothing else. Dropwizard's stock OAuth filter also takes
 * {@code ?access_token=} from the query string, which puts tokens into access logs and caches.
 * A DPoP-bound token ({@code cnf.jkt}) is accepted only with the DPoP scheme and a proof from its key: a stolen
 * bound token sent as Bearer is refused (RFC 9449 §7.2).
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter extends AuthFilter<String, VerifiedAccessToken> {

    private static final String BEARER = "Bearer";
    private static final String DPOP = "DPoP";

    private final ProofVerifier proofs;

    BearerTokenFilter(ProofVerifier proofs) {
        this.proofs = proofs;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> headers = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String header = headers != null && headers.size() == 1 ? headers.get(0) : null;
        if (header != null && proofs != null && schemeIs(header, DPOP)) {
            String token = credentials(header);
            if (!authenticate(request, token, DPOP)) {
                throw unauthorizedHandler.buildException(prefix, realm);
            }
            requireProofOfBoundKey(request, token);
            return;
        }
        String token = header != null && schemeIs(header, BEARER) ? credentials(header) : null;
        if (!authenticate(request, token, BEARER)) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
        if (principal(request).isDPoPBound()) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
    }

    private void requireProofOfBoundKey(ContainerRequestContext request, String token) {
        VerifiedAccessToken principal = principal(request);
        if (!principal.isDPoPBound()) {
            throw dpopUnauthorized("invalid_token", "This access token is not DPoP-bound; send it as Bearer.");
        }
        List<String> proofHeaders = request.getHeaders().get(DPOP);
        if (proofHeaders == null || proofHeaders.size() != 1) {
            throw dpopUnauthorized("invalid_dpop_proof", "Send exactly one DPoP proof header with a DPoP token.");
        }
        VerifiedProof proof;
        try {
            proof = proofs.verify(proofHeaders.get(0), request.getMethod(),
                    "/" + request.getUriInfo().getPath(), token);
        } catch (InvalidDPoPProofException refused) {
            throw dpopUnauthorized("invalid_dpop_proof", refused.getDescription());
        } catch (UseDPoPNonceException refused) {
            Response response = dpopUnauthorized("use_dpop_nonce", refused.getDescription()).getResponse();
            throw new WebApplicationException(Response.fromResponse(response)
                    .header(UseDPoPNonceException.HEADER, refused.nonce()).build());
        }
        if (!MessageDigest.isEqual(proof.jkt().getBytes(StandardCharsets.US_ASCII),
                principal.dpopJkt().getBytes(StandardCharsets.US_ASCII))) {
            throw dpopUnauthorized("invalid_dpop_proof", "The DPoP proof is not signed by the token's key.");
        }
    }

    private static VerifiedAccessToken principal(ContainerRequestContext request) {
        return (VerifiedAccessToken) request.getSecurityContext().getUserPrincipal();
    }

    private WebApplicationException dpopUnauthorized(String error, String description) {
        String algs = ProofVerifier.ALGORITHMS.stream().map(Object::toString).collect(Collectors.joining(" "));
        return new WebApplicationException(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        DPOP + " realm=\"" + realm + "\", error=\"" + error + "\", algs=\"" + algs + "\"")
                .type(JsonMediaType.UTF8_TYPE)
                .entity(new ErrorResponse(error, description))
                .build());
    }

    private static boolean schemeIs(String header, String scheme) {
        int space = header.indexOf(' ');
        return space > 0 && header.substring(0, space).equalsIgnoreCase(scheme);
    }

    private static String credentials(String header) {
        String token = header.substring(header.indexOf(' ') + 1).strip();
        return token.isEmpty() ? null : token;
    }

    public static final class Builder extends AuthFilterBuilder<String, VerifiedAccessToken, BearerTokenFilter> {

        private final ProofVerifier proofs;

        /** @param proofs verifies the DPoP proofs of bound tokens; null accepts Bearer tokens only */
        public Builder(ProofVerifier proofs) {
            this.proofs = proofs;
        }

        public Builder() {
            this(null);
        }

        @Override
        protected BearerTokenFilter newInstance() {
            return new BearerTokenFilter(proofs);
        }
    }
}
