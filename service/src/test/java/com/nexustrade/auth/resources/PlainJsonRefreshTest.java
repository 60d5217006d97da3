package com.nexustrade.auth.resources;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which refresh requests are answered before Jersey: only those Jersey would read without complaint. */
class PlainJsonRefreshTest {

    @ParameterizedTest(name = "{0}: Content-Type [{1}], Accept [{2}], length {3}, encoded {4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            POST | application/json                    | NONE                              | 90     | false | true
            POST | Application/JSON                    | NONE                              | 90     | false | true
            POST | application/json; charset=utf-8     | NONE                              | 90     | false | true
            POST | application/json;charset="UTF-8"    | NONE                              | 90     | false | true
            POST | application/json; charset=utf8      | NONE                              | 90     | false | true
            POST | application/json                    | */*                               | 90     | false | true
            POST | application/json                    | application/json                  | 90     | false | true
            POST | application/json                    | application/json, text/plain, */* | 90     | false | true
            POST | application/json                    | text/html, application/*          | 90     | false | true
            POST | application/json                    | text/html                         | 90     | false | false
            POST | application/json                    | application/json;q=0, */*         | 90     | false | false
            POST | application/json                    | text/html;q=0.9                   | 90     | false | false
            POST | application/json; charset=latin1    | NONE                              | 90     | false | false
            POST | application/json; boundary=x        | NONE                              | 90     | false | false
            POST | application/jsonx                   | NONE                              | 90     | false | false
            POST | application/x-www-form-urlencoded   | NONE                              | 90     | false | false
            POST | text/plain                          | NONE                              | 90     | false | false
            POST | NONE                                | NONE                              | 90     | false | false
            POST | application/json                    | NONE                              | 90     | true  | false
            POST | application/json                    | NONE                              | -1     | false | false
            POST | application/json                    | NONE                              | 0      | false | false
            POST | application/json                    | NONE                              | 16384  | false | true
            POST | application/json                    | NONE                              | 16385  | false | false
            PUT  | application/json                    | NONE                              | 90     | false | false
            GET  | application/json                    | NONE                              | 90     | false | false
            """)
    void takesOnlyWhatJerseyWouldReadWithoutComplaint(String method, String contentType, String accept, long length,
                                                     boolean encoded, boolean servable) {
        List<String> contentTypes = contentType == null ? List.of() : List.of(contentType);
        List<String> accepts = accept == null ? List.of() : List.of(accept);

        assertThat(PlainJsonRefresh.servable(method, contentTypes, encoded, accepts, length)).isEqualTo(servable);
    }

    @ParameterizedTest
    @CsvSource({"Content-Type", "Accept"})
    void aRepeatedHeaderIsLeftToJersey(String repeated) {
        List<String> two = repeated.equals("Content-Type")
                ? List.of("application/json", "application/json") : List.of("application/json");
        List<String> accepts = repeated.equals("Accept") ? List.of("*/*", "*/*") : List.of();

        assertThat(PlainJsonRefresh.servable("POST", two, false, accepts, 90)).isFalse();
    }
}
