package org.opencti.store.customer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneKeyTest {
    @ParameterizedTest(name = "{0} has key {1}")
    @CsvSource({
            "+33612345678,      612345678",
            "0033612345678,     612345678",
            "0612345678,        612345678",
            "'+33 6 12 34 56 78', 612345678",
            "'06.12.34.56.78',  612345678",
            "+44 20 7946 0018,  079460018",
            "020 7946 0018,     079460018",
            "+1 (212) 555-0100, 125550100",
            "(212) 555-0100,    125550100",
            "5001,              5001",
    })
    void national_and_international_forms_of_a_number_share_its_last_nine_digits(String number, String key) {
        assertThat(PhoneKey.of(number)).map(PhoneKey::digits).contains(key);
    }

    @Test
    void a_number_without_digits_has_no_key() {
        assertThat(PhoneKey.of("anonymous")).isEmpty();
        assertThat(PhoneKey.of(null)).isEmpty();
        assertThat(PhoneKey.columnValue("")).isNull();
    }

    @Test
    void a_key_built_by_hand_must_already_be_normalised() {
        assertThatThrownBy(() -> new PhoneKey("+33612345678"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A phone key is 1 to 9 digits, got '+33612345678'; build it with PhoneKey.of(number)");
    }
}
