package org.unionstats.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KpiCatalogueTest {

    private final KpiCatalogue catalogue = KpiCatalogue.load();

    @Test
    void kpisAndFamiliesAreFoundByTheirIds() {
        assertThat(catalogue.families()).extracting(KpiFamily::family).containsExactlyElementsOf(KpiCatalogue.FAMILIES);
        assertThat(catalogue.get("members_end").nameZh()).isEqualTo("期末会员数");
        assertThat(catalogue.family("hardship").kpis()).extracting(KpiDefinition::id).contains("hardship_lift_out_rate");
        assertThatThrownBy(() -> catalogue.get("no_such_kpi")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_kpi");
        assertThatThrownBy(() -> catalogue.family("no_such_family")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schemas/kpis/no_such_family.yaml");
    }

    @Test
    void flowsAndStocksAreSummedOverOrgsOtherKpisAreNot() {
        assertThat(Additivity.ADDITIVE_FLOW.summedOverOrgs()).isTrue();
        assertThat(Additivity.STOCK.summedOverOrgs()).isTrue();
        assertThat(Additivity.RATIO.summedOverOrgs()).isFalse();
        assertThat(Additivity.DISTINCT_COUNT.summedOverOrgs()).isFalse();
        assertThat(Additivity.MEDIAN.summedOverOrgs()).isFalse();
        assertThat(catalogue.get("members_end").additivityClass()).isEqualTo(Additivity.STOCK);
    }
}
