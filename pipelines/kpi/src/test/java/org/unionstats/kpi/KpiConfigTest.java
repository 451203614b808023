package org.unionstats.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unionstats.environment.Environment;
import org.unionstats.kpis.ReportingRules;
import org.unionstats.period.Period;

class KpiConfigTest {

    @Test
    void defaults() {
        KpiConfig config = KpiConfig.parse(new String[] {"--warehouse", "/data/warehouse/"}, false);
        assertThat(config.warehouse().root()).isEqualTo("/data/warehouse");
        assertThat(config.periods()).isEmpty();
        assertThat(config.full()).isFalse();
        assertThat(config.master()).contains(Environment.LOCAL_SPARK_MASTER);
        assertThat(config.reporting()).isEqualTo(ReportingRules.DEFAULT);
    }

    @Test
    void sparkSubmitsMasterUnlessToldOtherwise() {
        assertThat(KpiConfig.parse(new String[] {"--warehouse", "w"}, true).master()).isEmpty();
        assertThat(KpiConfig.parse(new String[] {"--warehouse", "w", "--master", "local[2]"}, true).master()).isEqualTo(Optional.of("local[2]"));
    }

    @Test
    void everyOption() {
        KpiConfig config = KpiConfig.parse(new String[] {"--warehouse", "s3a://bucket/wh", "--periods", "2024Q1..2024Q2", "--full",
                "--deadline-days", "20", "--reporting-scope", "130000, 140000"}, false);
        assertThat(config.warehouse().table("kpi_values")).isEqualTo("s3a://bucket/wh/kpi_values");
        assertThat(config.periods()).contains(Period.parseRange("2024Q1..2024Q2"));
        assertThat(config.full()).isTrue();
        assertThat(config.reporting()).isEqualTo(new ReportingRules(20, List.of("130000", "140000")));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> KpiConfig.parse(new String[] {"--warehouse", "w", "--fast"}, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown argument --fast").hasMessageContaining("usage");
        assertThatThrownBy(() -> KpiConfig.parse(new String[] {}, false)).hasMessageContaining("--warehouse is required");
        assertThatThrownBy(() -> KpiConfig.parse(new String[] {"--warehouse", "w", "--reporting-scope", "hebei"}, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6-digit region codes");
    }
}
