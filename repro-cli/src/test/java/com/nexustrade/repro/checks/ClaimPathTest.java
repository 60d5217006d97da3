package com.nexustrade.repro.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode payload(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void shouldFindNestedRolesByDottedPathAsKeycloakNestsThem() throws Exception {
        JsonNode payload = payload("{\"realm_access\":{\"roles\":[\"trader\"]},\"roles\":[\"other\"]}");

        assertThat(ClaimsCheck.claim(payload, "realm_access.roles").toString()).isEqualTo("[\"trader\"]");
        assertThat(ClaimsCheck.claim(payload, "roles").toString()).isEqualTo("[\"other\"]");
    }

    @Test
    void shouldPreferAClaimWhoseNameHoldsTheDotItself() throws Exception {
        JsonNode payload = payload("{\"https://example.com/roles\":[\"admin\"]}");

        assertThat(ClaimsCheck.claim(payload, "https://example.com/roles").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void shouldFindNothingWhenAPartOfThePathIsMissingOrNotAnObject() throws Exception {
        JsonNode payload = payload("{\"realm_access\":\"flat\"}");

        assertThat(ClaimsCheck.claim(payload, "realm_access.roles")).isNull();
        assertThat(ClaimsCheck.claim(payload, "resource_access.app.roles")).isNull();
    }
}
