package org.unionstats.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void personalDataIsMaskedControlsWrittenOutAndLengthBounded() {
        assertThat(SafeText.path("130306/2024Q3/member_events_13812345678.csv")).isEqualTo("130306/2024Q3/member_events_138****5678.csv");
        assertThat(SafeText.path("130306/2024Q3/member_events\u202Egpj.csv")).isEqualTo("130306/2024Q3/member_events<U+202E>gpj.csv");
        assertThat(SafeText.echo("身份证 130306199001011234")).isEqualTo("身份证 130306************");
        assertThat(SafeText.echo("x".repeat(500))).hasSize(SafeText.ECHO_CHARS).endsWith("…");
        assertThat(SafeText.message(null)).isNull();
    }

    @Test
    void invisibleCharactersDoNotHidePersonalDataFromTheMasker() {
        String hidden = SafeText.echo("电话138\u200B12345678");
        assertThat(hidden).doesNotContain("12345678").contains("138****5678").contains("U+200B");
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String s = "a".repeat(98) + "😀😀";
        assertThat(SafeText.cut(s, 100)).isEqualTo("a".repeat(98) + "…");
    }
}
