package com.nexustrade.auth.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalServiceHeadersTest {

    @ParameterizedTest(name = "U+{0} alone is blank")
    @ValueSource(strings = {"0020", "0009", "00A0", "2007", "202F", "200B", "FEFF", "3000", "2028", "000B", "0085"})
    void everyKindOfUnicodeWhiteSpaceIsBlank(String hex) {
        String value = Character.toString(Integer.parseInt(hex, 16)).repeat(2);

        assertThat(InternalServiceHeaders.isBlank(value)).isTrue();
        assertThatThrownBy(() -> InternalServiceHeaders.serviceId(List.of(value)))
                .isInstanceOf(InvalidClientException.class);
    }

    @Test
    void missingEmptyAndRepeatedAreRefused() {
        assertThatThrownBy(() -> InternalServiceHeaders.serviceId(null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> InternalServiceHeaders.serviceId(List.of())).hasMessageContaining("missing");
        assertThatThrownBy(() -> InternalServiceHeaders.serviceId(List.of(""))).hasMessageContaining("empty");
        assertThatThrownBy(() -> InternalServiceHeaders.serviceId(List.of("orders", "orders")))
                .hasMessageContaining("repeated");
        assertThatThrownBy(() -> InternalServiceHeaders.serviceId(Arrays.asList((String) null)))
                .hasMessageContaining("empty");
    }

    @Test
    void wellFormedIdIsReturnedAsIs() {
        assertThat(InternalServiceHeaders.serviceId(List.of("orders"))).isEqualTo("orders");
        assertThat(InternalServiceHeaders.serviceId(List.of("risk-engine.v2"))).isEqualTo("risk-engine.v2");
    }

    @Test
    void idsWithSpacesAroundOrOtherCharactersAreRefused() {
        for (String bad : List.of(" orders", "orders ", "Orders", "orders,payments", "ord\u00e9rs", "a".repeat(65))) {
            assertThatThrownBy(() -> InternalServiceHeaders.serviceId(List.of(bad))).as(bad)
                    .isInstanceOf(InvalidClientException.class);
        }
    }
}
