package com.nexustrade.auth.resources;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.OpenApiContract;
import com.nexustrade.auth.support.TestService;
import com.nexustrade.auth.refresh.RotationBusyException;
import com.nexustrade.auth.users.HasherBusyException;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service serves docs/openapi.yaml, and the contract that checks every test's answers can fail. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiDocumentTest {

    private static final DropwizardAppExtension<AuthConfiguration> APP =
            TestService.extension("openapi", new MutableClock());

    @Test
    void servesTheDocumentOfDocsAsYamlAndAsJson() throws Exception {
        ApiClient api = new ApiClient(APP.getLocalPort());

        Reply yaml = api.send(HttpRequest.newBuilder(api.uri("/openapi.yaml")).GET());
        Reply json = api.send(HttpRequest.newBuilder(api.uri("/openapi.json")).GET());

        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(yaml.body()).isEqualTo(Files.readString(Path.of("..", "docs", "openapi.yaml")));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.text("openapi")).isEqualTo("3.1.0");
        assertThat(json.json().get("paths").fieldNames()).toIterable().contains("/auth/login", "/auth/refresh",
                "/auth/logout", "/auth/me", "/auth/service_auth", "/.well-known/jwks.json",
                "/.well-known/oauth-authorization-server", "/oauth2/token", "/oauth2/revoke", "/oauth2/introspect",
                "/health-check", "/openapi.yaml", "/openapi.json");
    }

    @Test
    void theContractRefusesAnswersTheDocumentDoesNotDescribe() {
        String pair = "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"r\","
                + "\"refresh_expires_in\":10}";
        OpenApiContract.check("POST", "/auth/login", 200, "application/json;charset=utf-8", pair);

        assertThatThrownBy(() -> OpenApiContract.check("POST", "/auth/login", 200, "application/json",
                pair.replace("\"Bearer\"", "\"bearer\""))).hasMessageContaining("token_type");
        assertThatThrownBy(() -> OpenApiContract.check("POST", "/auth/login", 200, "application/json",
                pair.replace("}", ",\"id_token\":\"x\"}"))).hasMessageContaining("id_token");
        assertThatThrownBy(() -> OpenApiContract.check("POST", "/auth/refresh", 401, "application/json",
                "{\"error\":\"invalid_grant\",\"error_description\":\"x\"}")).hasMessageContaining("reason");
        assertThatThrownBy(() -> OpenApiContract.check("GET", "/auth/me", 200, "text/html", "<html/>"))
                .hasMessageContaining("text/html");
        assertThatThrownBy(() -> OpenApiContract.check("GET", "/auth/me", 302, "", ""))
                .hasMessageContaining("302 is not documented");
        assertThatThrownBy(() -> OpenApiContract.check("GET", "/admin/secrets", 200, "application/json", "{}"))
                .hasMessageContaining("undocumented operation");
        assertThatThrownBy(() -> OpenApiContract.check("GET", "/nope", 404, "application/json", "{\"message\":\"x\"}"))
                .hasMessageContaining("error");
    }

    /** A login, service auth or client authentication meeting a busy hasher (BusyHasherTest) is a documented answer. */
    @Test
    void theBusyHashersAnswerIsDocumentedWhereCredentialsAreChecked() {
        HasherBusyException busy = new HasherBusyException();
        String body = "{\"error\":\"" + busy.getErrorCode() + "\",\"error_description\":\"" + busy.getDescription() + "\"}";
        for (String path : new String[] {"/auth/login", "/auth/service_auth", "/oauth2/token", "/oauth2/introspect"}) {
            OpenApiContract.check("POST", path, busy.getStatus(), "application/json;charset=utf-8", body);
        }
        assertThatThrownBy(() -> OpenApiContract.check("POST", "/auth/login", 503, "application/json",
                body.replace("temporarily_unavailable", "busy"))).hasMessageContaining("enumeration");
    }

    /** A refresh refused while too many are in progress (RotationAdmissionTest) is a documented answer. */
    @Test
    void theBusyRotationsAnswerIsDocumentedWhereRefreshTokensAreExchanged() {
        RotationBusyException busy = new RotationBusyException();
        String body = "{\"error\":\"" + busy.getErrorCode() + "\",\"error_description\":\"" + busy.getDescription() + "\"}";
        for (String path : new String[] {"/auth/refresh", "/oauth2/token"}) {
            OpenApiContract.check("POST", path, busy.getStatus(), "application/json;charset=utf-8", body);
        }
    }
}
