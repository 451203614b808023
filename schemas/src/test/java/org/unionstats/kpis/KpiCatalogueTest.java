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
    void aFamilyIsRecomputedAloneWhenNoOtherFamilyReadsItsKpisAndItBorrowsMeasuresOnly() {
        // Hardship's rate and caseload are of hardship KPIs only, and no other family reads them.
        assertThat(catalogue.recomputableAlone("hardship")).isTrue();
        assertThat(catalogue.borrowedBy("hardship")).isEmpty();
        assertThat(catalogue.recomputableAlone("indicators")).isTrue();
        // Participation per 100 members (competitions) is over members_end (membership), a measure: competitions can be
        // recomputed with the published members_end; membership cannot, since competitions reads it.
        assertThat(catalogue.borrowedBy("competitions")).containsExactly("members_end");
        assertThat(catalogue.recomputableAlone("competitions")).isTrue();
        assertThat(catalogue.recomputableAlone("membership")).isFalse();
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

    @Test
    void targetableKpisAreFlowsStocksAndRatiosOfThem() {
        assertThat(catalogue.targetable()).extracting(KpiDefinition::id).contains("members_joined", "members_end", "hardship_lifted_out",
                "hardship_on_file_end", "competition_entrants", "competition_participation_per_100_members", "membership_rate")
                .doesNotContain("members_start", "members_growth_rate", "hardship_lift_out_rate", "unions_established",
                        "competition_enterprises", "hardship_days_to_lift_out_median", "members_left");
        assertThat(catalogue.get("members_joined").target().isFlow()).isTrue();
        assertThat(catalogue.get("members_joined").target().aliases()).contains("新增会员", "发展新会员");
        assertThat(catalogue.get("hardship_on_file_end").target().kind()).isEqualTo("stock");
        assertThat(catalogue.get("competition_participation_per_100_members").target().isFlow()).isTrue();
        assertThat(catalogue.get("members_growth_rate").targetable()).isFalse();
        for (KpiDefinition kpi : catalogue.targetable()) {
            assertThat(kpi.better()).as(kpi.id()).isIn("up", "down");
        }
    }

    @Test
    void aTargetTheYearCannotFollowIsRefusedWhenTheCatalogueLoads() {
        KpiDefinition.Target flow = new KpiDefinition.Target("flow", null);
        KpiDefinition.Target stock = new KpiDefinition.Target("stock", java.util.List.of());
        KpiDefinition joined = kpi("joined", "additive_flow", "up", "joined", null, flow);
        KpiDefinition members = kpi("members", "stock", "up", "members", null, null);
        KpiDefinition distinct = kpi("enterprises", "distinct_count", "up", "enterprises", null, flow);
        assertThatThrownBy(() -> load(joined, members, distinct)).hasMessageContaining("enterprises").hasMessageContaining("additive_flow");
        KpiDefinition ceilingOnAFlow = kpi("left", "additive_flow", "down", "left", null, flow);
        assertThatThrownBy(() -> load(ceilingOnAFlow)).hasMessageContaining("only a stock may have a ceiling");
        KpiDefinition noDirection = kpi("corrections", "additive_flow", "none", "corrections", null, flow);
        assertThatThrownBy(() -> load(noDirection)).hasMessageContaining("better: up or down");
        KpiDefinition flowOverFlow = kpi("per_join", "ratio", "up", null, new KpiDefinition.Ratio("joined", "joined", null), flow);
        assertThatThrownBy(() -> load(joined, flowOverFlow)).hasMessageContaining("needs a ratio of additive_flow over stock, not of additive_flow over additive_flow");
        KpiDefinition stockOfAFlow = kpi("joined_level", "additive_flow", "up", "joined", null, stock);
        assertThatThrownBy(() -> load(stockOfAFlow)).hasMessageContaining("needs additivity stock");
        KpiDefinition perMember = kpi("joined_per_member", "ratio", "up", null, new KpiDefinition.Ratio("joined", "members", null), flow);
        assertThat(load(joined, members, perMember).targetable()).extracting(KpiDefinition::id).containsExactly("joined", "joined_per_member");
    }

    private static KpiDefinition kpi(String id, String additivity, String better, String measure, KpiDefinition.Ratio ratio,
            KpiDefinition.Target target) {
        return new KpiDefinition(id, id, id, id, "persons", additivity, better, "member_events", measure, ratio, null, null, null, target);
    }

    private static KpiCatalogue load(KpiDefinition... kpis) {
        return new KpiCatalogue(java.util.List.of(new KpiFamily("test", "测试", "Test", java.util.List.of(kpis))));
    }
}
