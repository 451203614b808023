package org.unionstats.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unionstats.orgs.CreditCode;

class CreditCodesTest {

    @Test
    void generatedCodesAreValidAndWrongChecksAreNot() {
        Rng rng = Rng.of(9, "credit");
        for (int i = 0; i < 2000; i++) {
            String code = CreditCodes.generate("130306", rng);
            assertThat(code).hasSize(18).startsWith("9").contains("130306");
            assertThat(CreditCode.isValid(code)).as(code).isTrue();
            String body = code.substring(8, 16);
            assertThat(code.charAt(16)).as("GB 11714 check of " + code).isEqualTo(CreditCodes.orgCheck(body));
            assertThat(CreditCode.isValid(CreditCodes.withWrongCheck(code, rng))).isFalse();
        }
        assertThat(CreditCode.isValid(CreditCodes.generate("12", "130306", rng))).isTrue();
    }

    @Test
    void organisationCodeCheckMatchesAKnownCode() {
        // The worked example of GB 11714: D2143569-X.
        assertThat(CreditCodes.orgCheck("D2143569")).isEqualTo('X');
    }
}
