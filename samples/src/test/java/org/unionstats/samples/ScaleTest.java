package org.unionstats.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unionstats.period.Period;

class ScaleTest {

    @Test
    void namedScales() {
        assertThat(Scale.parse("tiny")).isEqualTo(new Scale("tiny", "130300", 25_000));
        assertThat(Scale.parse(" Small ")).isEqualTo(new Scale("small", "130000", 190_000));
        assertThat(Scale.parse("medium")).isEqualTo(new Scale("medium", "000000", 1_100_000));
        assertThat(Scale.TINY.named()).isTrue();
        assertThat(Scale.parse("25000").named()).isFalse();
    }

    @Test
    void numbersScaleTheWholeCountry() {
        assertThat(Scale.parse("250000")).isEqualTo(new Scale("250000", "000000", 250_000));
        assertThat(Scale.parse("250_000").targetMemberEvents()).isEqualTo(250_000);
        assertThat(Scale.parse("1,000,000").targetMemberEvents()).isEqualTo(1_000_000);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> Scale.parse("huge")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tiny, small, medium");
        assertThatThrownBy(() -> Scale.parse("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scale.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configDefaultsAndScopeOverride() {
        GeneratorConfig c = GeneratorConfig.defaults(Path.of("inbox"), Scale.SMALL);
        assertThat(c.mistakeRate()).isEqualTo(0.02);
        assertThat(c.periods()).hasSize(8).startsWith(Period.quarter(2023, 1)).endsWith(Period.quarter(2024, 4));
        assertThat(c.effectiveScope()).isEqualTo("130000");
        GeneratorConfig scoped = new GeneratorConfig(Path.of("inbox"), Scale.SMALL, 1, c.periods(), 0.02, Optional.of("130300"));
        assertThat(scoped.effectiveScope()).isEqualTo("130300");
        assertThatThrownBy(() -> new GeneratorConfig(Path.of("x"), Scale.TINY, 1, c.periods(), 0.9, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
