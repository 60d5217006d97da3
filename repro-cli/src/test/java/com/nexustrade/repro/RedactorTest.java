package com.nexustrade.repro;

import com.nexustrade.repro.report.Printable;
import com.nexustrade.repro.report.Redactor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    private final Redactor redactor = Redactor.hidingTokens();

    @Test
    void tokenShowsItsFirstSixCharacters() {
        assertThat(redactor.token("abcdefghijkl")).isEqualTo("abcdef…");
    }

    @Test
    void tokenFieldsInABodyAreRedactedAndOtherFieldsKept() {
        String body = "{\"access_token\":\"eyJhbGciOi.eyJzdWIi.c2ln\",\"token_type\":\"Bearer\",\"refresh_token\":\"r3fr3shT0k3n\"}";

        assertThat(redactor.body(body))
                .isEqualTo("{\"access_token\":\"eyJhbG…\",\"token_type\":\"Bearer\",\"refresh_token\":\"r3fr3s…\"}");
    }

    @Test
    void bareJwtOutsideAFieldIsRedactedToo() {
        assertThat(redactor.body("token eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1MSJ9.sig here"))
                .isEqualTo("token eyJhbG… here");
    }

    @Test
    void showingTokensKeepsThemWhole() {
        assertThat(Redactor.showingTokens().body("{\"refresh_token\":\"r3fr3shT0k3n\"}")).contains("r3fr3shT0k3n");
    }

    @Test
    void invisibleHeaderValuesAreQuotedVisibly() {
        assertThat(Printable.quoted("\t")).isEqualTo("\"\\t\"");
        assertThat(Printable.quoted("\u00A0")).isEqualTo("\"\\u00a0\"");
        assertThat(Printable.quoted("   ")).isEqualTo("\"   \"");
    }
}
