package org.unionstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestLimitsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        IngestLimits d = IngestLimits.defaults();
        assertThat(List.of(d.maxFileBytes(), d.maxWorkbookPartBytes(), (long) d.maxCompressionRatio(), (long) d.maxWorkbookEntries(),
                d.maxRows(), (long) d.maxColumns(), (long) d.maxCellChars(), (long) d.maxJsonKeysPerLine(), (long) d.maxNumberDigits(),
                (long) d.maxFileNameChars())).containsExactly(64L << 20, 64L << 20, 100L, 1_000L, 200_000L, 256L, 2_000L, 256L, 30L, 120L);
        assertThat(d.timePerFile()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.seconds()).isEqualTo("300");
        assertThat(d.cellLimits()).isEqualTo(org.unionstats.validation.CellLimits.DEFAULTS);
    }

    @Test
    void aConfigCarriesItsLimitsAndDefaultsWithoutThem() {
        IngestConfig plain = new IngestConfig("in", "wh", new byte[] {1}, 1, List.of());
        assertThat(plain.limits()).isEqualTo(IngestLimits.defaults());
        IngestLimits small = IngestLimits.defaults().withMaxRows(10).withMaxFileBytes(1024);
        assertThat(plain.withLimits(small).limits()).isEqualTo(small);
        assertThat(new IngestConfig("in", "wh", new byte[] {1}, 1, List.of(), null, null, null).limits()).isEqualTo(IngestLimits.defaults());
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> IngestLimits.defaults().withMaxRows(0)).hasMessageContaining("maxRows");
        assertThatThrownBy(() -> IngestLimits.defaults().withTimePerFile(Duration.ZERO)).hasMessageContaining("timePerFile");
    }

    @Test
    void sizesReadAsAClerkWouldSayThem() {
        assertThat(IngestLimits.bytes(64L << 20)).isEqualTo("64 MiB");
        assertThat(IngestLimits.bytes(330_621)).isEqualTo("322.9 KiB");
        assertThat(IngestLimits.bytes(512)).isEqualTo("512 B");
        assertThat(IngestLimits.defaults().withTimePerFile(Duration.ofMillis(1500)).seconds()).isEqualTo("1.5");
    }
}
