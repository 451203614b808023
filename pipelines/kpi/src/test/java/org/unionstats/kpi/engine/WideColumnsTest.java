package org.unionstats.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unionstats.kpi.engine.WideColumns.Column;
import org.unionstats.kpi.engine.WideColumns.Role;
import org.unionstats.kpis.KpiCatalogue;

class WideColumnsTest {

    private final KpiCatalogue catalogue = KpiCatalogue.load();

    @Test
    void aRatioAndAChangeOnAYearEarlierHaveANumeratorAndADenominator() {
        assertThat(WideColumns.of(catalogue.get("members_growth_yoy"))).containsExactly(
                new Column("v_members_growth_yoy", Role.VALUE), new Column("n_members_growth_yoy", Role.NUMERATOR),
                new Column("d_members_growth_yoy", Role.DENOMINATOR), new Column("q_members_growth_yoy", Role.QUALIFIER));
        var ratio = catalogue.all().stream().filter(k -> k.ratio() != null).findFirst().orElseThrow();
        assertThat(WideColumns.of(ratio)).extracting(Column::name)
                .containsExactly("v_" + ratio.id(), "n_" + ratio.id(), "d_" + ratio.id(), "q_" + ratio.id());
        assertThat(WideColumns.numerator(ratio)).isEqualTo("n_" + ratio.id());
        assertThat(WideColumns.denominator(ratio)).isEqualTo("d_" + ratio.id());
    }

    @Test
    void aMeasureHasItsValueAndQualifierOnlyAndATypedNullForItsParts() {
        assertThat(WideColumns.of(catalogue.get("members_joined")))
                .containsExactly(new Column("v_members_joined", Role.VALUE), new Column("q_members_joined", Role.QUALIFIER));
        assertThat(WideColumns.numerator(catalogue.get("members_joined"))).isEqualTo("CAST(NULL AS DOUBLE)");
        assertThat(WideColumns.denominator(catalogue.get("members_joined"))).isEqualTo("CAST(NULL AS DOUBLE)");
    }
}
