package org.unionstats.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unionstats.kpis.KpiCatalogue;

class WideColumnsTest {

    private final KpiCatalogue catalogue = KpiCatalogue.load();

    @Test
    void aRatioAndAChangeOnAYearEarlierHaveANumeratorAndADenominator() {
        assertThat(WideColumns.of(catalogue.get("members_growth_yoy")))
                .containsExactly("v_members_growth_yoy", "n_members_growth_yoy", "d_members_growth_yoy", "q_members_growth_yoy");
        var ratio = catalogue.all().stream().filter(k -> k.ratio() != null).findFirst().orElseThrow();
        assertThat(WideColumns.of(ratio)).containsExactly("v_" + ratio.id(), "n_" + ratio.id(), "d_" + ratio.id(), "q_" + ratio.id());
        assertThat(WideColumns.numerator(ratio)).isEqualTo("n_" + ratio.id());
        assertThat(WideColumns.denominator(ratio)).isEqualTo("d_" + ratio.id());
    }

    @Test
    void aMeasureHasItsValueAndQualifierOnlyAndATypedNullForItsParts() {
        assertThat(WideColumns.of(catalogue.get("members_joined"))).containsExactly("v_members_joined", "q_members_joined");
        assertThat(WideColumns.numerator(catalogue.get("members_joined"))).isEqualTo("CAST(NULL AS DOUBLE)");
        assertThat(WideColumns.denominator(catalogue.get("members_joined"))).isEqualTo("CAST(NULL AS DOUBLE)");
    }
}
