package org.unionstats.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Test
    void knownNumbersCheck() {
        // The textbook example of GB 11643 and one ending in X.
        assertThat(IdNumbers.isValid("11010519491231002X")).isTrue();
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.isValid("110105194912310021")).isFalse();
        assertThat(IdNumbers.isValid("11010519491231002")).isFalse();
        assertThat(IdNumbers.isValid(null)).isFalse();
    }

    @Test
    void generatedNumbersAreValidAndCarryRegionBirthdayAndSex() {
        Rng rng = Rng.of(1, "ids");
        for (int i = 0; i < 2000; i++) {
            boolean male = i % 2 == 0;
            LocalDate birthday = IdNumbers.birthday(1960 + i % 45, rng);
            String id = IdNumbers.generate("130306", birthday, male, rng);
            assertThat(id).hasSize(18).startsWith("130306");
            assertThat(IdNumbers.isValid(id)).as(id).isTrue();
            assertThat(id.substring(6, 14)).isEqualTo(String.format("%04d%02d%02d",
                    birthday.getYear(), birthday.getMonthValue(), birthday.getDayOfMonth()));
            assertThat((id.charAt(16) - '0') % 2 == 1).isEqualTo(male);
        }
    }
}
