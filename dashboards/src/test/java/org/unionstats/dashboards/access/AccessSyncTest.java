package org.unionstats.dashboards.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.unionstats.dashboards.assets.AssetGenerator;
import org.unionstats.dashboards.assets.Dataset;
import org.unionstats.dashboards.assets.LeaderDashboards;
import org.unionstats.dashboards.assets.WarehouseDatasets;
import org.unionstats.dashboards.superset.SupersetClient;

/** What a deploy sends Superset for dashboards/access.yaml, against a stand-in of Superset's REST API ({@link FakeSuperset}). */
class AccessSyncTest {

    static final Path ROOT = Path.of(System.getProperty("unionstats.root", "..")).toAbsolutePath().normalize();

    private static FakeSuperset superset(AccessPolicy policy) throws Exception {
        List<String> datasets = AssetGenerator.load().datasets().stream().map(Dataset::key).toList();
        return new FakeSuperset(policy, datasets, List.of(LeaderDashboards.OVERVIEW, LeaderDashboards.CITY, LeaderDashboards.SCORECARD,
                LeaderDashboards.DATA_QUALITY));
    }

    private static int apply(FakeSuperset superset, AccessPolicy policy) {
        SupersetClient admin = SupersetClient.login(superset.url(), "admin", "admin-pw");
        return new AccessSync(admin, m -> { }).apply(policy, superset.url(), (user, role) -> "pw-of-" + user);
    }

    private static List<Integer> ids(JsonNode objects) {
        return StreamSupport.stream(objects.spliterator(), false).map(o -> o.path("id").asInt()).sorted().toList();
    }

    @Test
    void aBaseRuleHidesEveryRowFromALeaderWithoutARegionAndSparesAdminAndTheRegions() throws Exception {
        AccessPolicy policy = AccessPolicy.load(ROOT.resolve("dashboards/access.yaml"));
        try (FakeSuperset superset = superset(policy)) {
            assertThat(apply(superset, policy)).isPositive();

            List<Integer> leaderDatasets = policy.leaderDatasets().stream().map(superset::datasetId).sorted().toList();
            JsonNode base = superset.rules().get(policy.noRegion().name());
            assertThat(base).as("the Base rule is created").isNotNull();
            assertThat(base.path("filter_type").asText()).isEqualTo("Base");
            assertThat(base.path("clause").asText()).isEqualTo("1 = 0");
            assertThat(ids(base.path("tables"))).as("on every leader dataset").isEqualTo(leaderDatasets);
            List<Integer> exempt = new ArrayList<>(List.of(superset.roleId("Admin")));
            policy.regions().forEach(r -> exempt.add(superset.roleId(r.role())));
            assertThat(ids(base.path("roles"))).as("Superset applies it to every role but these").isEqualTo(exempt.stream().sorted().toList());
            assertThat(ids(base.path("roles"))).doesNotContain(superset.roleId(policy.leaderRole()));
            assertThat(base.path("group_key").asText()).as("ANDed with, not ORed into, the regions' rules").isNotEqualTo("region");

            AccessPolicy.Region qinhuangdao = policy.regions().get(0);
            JsonNode regional = superset.rules().get(qinhuangdao.ruleName());
            assertThat(regional.path("filter_type").asText()).isEqualTo("Regular");
            assertThat(regional.path("clause").asText()).isEqualTo("city_code = '130300'");
            assertThat(ids(regional.path("tables"))).isEqualTo(leaderDatasets);
            assertThat(ids(regional.path("roles"))).containsExactly(superset.roleId(qinhuangdao.role()));

            superset.clearWrites();
            assertThat(apply(superset, policy)).as("a second deploy changes nothing").isZero();
            assertThat(superset.writes()).isEmpty();
        }
    }

    @Test
    void theOverviewShowsTheNationalViewToAllButTheCitiesLeaders() throws Exception {
        AccessPolicy policy = AccessPolicy.load(ROOT.resolve("dashboards/access.yaml"));
        try (FakeSuperset superset = superset(policy)) {
            apply(superset, policy);
            JsonNode rule = superset.rules().get(policy.overview().name());
            assertThat(rule).as("the overview's Base rule is created").isNotNull();
            assertThat(rule.path("filter_type").asText()).isEqualTo("Base");
            assertThat(rule.path("clause").asText()).isEqualTo("view_level = 'national'");
            assertThat(ids(rule.path("tables"))).as("on the overview's dataset only")
                    .containsExactly(superset.datasetId(WarehouseDatasets.KPI_OVERVIEW));
            assertThat(ids(rule.path("roles"))).as("spared: 秦皇岛's leaders, who read their city's view")
                    .containsExactly(superset.roleId("leader_130300"));
            assertThat(ids(rule.path("roles"))).as("Admin and the plain leader role read the national view")
                    .doesNotContain(superset.roleId("Admin"), superset.roleId(policy.leaderRole()));
            assertThat(rule.path("group_key").asText()).isNotIn("region", AccessPolicy.NoRegionRule.GROUP_KEY);

            // A province's leaders keep the national view, narrowed by their region rule to their province.
            List<AccessPolicy.Region> regions = new ArrayList<>(policy.regions());
            regions.add(new AccessPolicy.Region("130000", "河北省", "province_code"));
            AccessPolicy withProvince = new AccessPolicy(policy.leaderRole(), policy.leaderDatasets(), policy.leaderPermissions(),
                    policy.adminDashboards(), regions, policy.noRegion(), policy.overview());
            apply(superset, withProvince);
            assertThat(ids(superset.rules().get(policy.overview().name()).path("roles"))).containsExactly(superset.roleId("leader_130300"));
        }
    }

    @Test
    void aNewRegionIsExemptedFromTheBaseRuleAndAChangedRuleIsPutBack() throws Exception {
        AccessPolicy policy = AccessPolicy.load(ROOT.resolve("dashboards/access.yaml"));
        try (FakeSuperset superset = superset(policy)) {
            apply(superset, policy);
            List<AccessPolicy.Region> regions = new ArrayList<>(policy.regions());
            regions.add(new AccessPolicy.Region("130200", "唐山市", "city_code"));
            AccessPolicy more = new AccessPolicy(policy.leaderRole(), policy.leaderDatasets(), policy.leaderPermissions(), policy.adminDashboards(),
                    regions, policy.noRegion(), policy.overview());
            superset.clearWrites();
            assertThat(apply(superset, more)).isPositive();

            JsonNode base = superset.rules().get(policy.noRegion().name());
            assertThat(ids(base.path("roles"))).contains(superset.roleId("leader_130200"), superset.roleId("leader_130300"), superset.roleId("Admin"));
            assertThat(superset.writes()).as("the Base rule is updated in place")
                    .anySatisfy(w -> {
                        assertThat(w.method()).isEqualTo("PUT");
                        assertThat(w.path()).startsWith("api/v1/rowlevelsecurity/");
                        assertThat(w.body().path("filter_type").asText()).isEqualTo("Base");
                    });
            JsonNode overview = superset.rules().get(policy.overview().name());
            assertThat(ids(overview.path("roles"))).as("the new city's leaders read their city's overview")
                    .containsExactlyInAnyOrder(superset.roleId("leader_130200"), superset.roleId("leader_130300"));
            assertThat(superset.rules()).as("two regions, the no-region rule, the overview's").hasSize(4);
        }
    }

    @Test
    void withoutItsEntryInAccessYamlTheRuleIsStillMade(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String yaml = java.nio.file.Files.readString(ROOT.resolve("dashboards/access.yaml"));
        Path without = tmp.resolve("access.yaml");
        java.nio.file.Files.writeString(without, yaml.substring(0, yaml.indexOf("\nno_region:")) + "\n");
        AccessPolicy policy = AccessPolicy.load(without);
        assertThat(policy.noRegion()).isEqualTo(AccessPolicy.NoRegionRule.DEFAULT);
        try (FakeSuperset superset = superset(policy)) {
            apply(superset, policy);
            assertThat(superset.rules().get(AccessPolicy.NoRegionRule.DEFAULT.name()).path("clause").asText()).isEqualTo("1 = 0");
        }
        java.nio.file.Files.writeString(without, yaml.replace("clause: \"1 = 0\"", "clause: \"\""));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccessPolicy.load(without)).hasMessageContaining("no_region.clause");
    }
}
