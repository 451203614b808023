package org.unionstats.dashboards.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * dashboards/access.yaml: the leader role's permissions and datasets, admin-only dashboards, the
 * regions with their own leaders, the rule that hides every row from a leader without a region, and
 * the rule that opens the overview on the viewer's own region.
 */
public record AccessPolicy(String leaderRole, List<String> leaderDatasets, List<Permission> leaderPermissions, List<String> adminDashboards,
        List<Region> regions, NoRegionRule noRegion, OverviewRule overview) {

    /** Superset's built-in role of engineers: sees everything, and is never filtered by the no-region rule. */
    public static final String ADMIN_ROLE = "Admin";

    /**
     * A Base row-level-security rule on every leader dataset: Superset applies a Base rule to every
     * query except those of the roles it names, so naming Admin and each {@code leader_<code>} role
     * leaves a user who has the leader role but no region's role with no row at all (clause
     * {@code 1 = 0}) instead of every region's rows.
     */
    public record NoRegionRule(String name, String clause, String description) {

        public static final NoRegionRule DEFAULT = new NoRegionRule("无地区者不见数据", "1 = 0",
                "有领导角色但没有地区角色的用户看不到任何数据 / a leader without a region's role sees no rows");

        /** Groups its clause apart from the regions' rules (Superset ANDs different groups). */
        public static final String GROUP_KEY = "no_region";

        /** The roles the rule does not apply to: Admin and every region's role. */
        public List<String> exemptRoles(List<Region> regions) {
            List<String> roles = new ArrayList<>(List.of(ADMIN_ROLE));
            regions.forEach(r -> roles.add(r.role()));
            return roles;
        }
    }

    /**
     * A Base row-level-security rule on the overview's dataset: every viewer reads its national view (the provinces)
     * except a city's leaders, whose region rule leaves them their city's view (the city and its county-level units).
     * So Admin and a province's leaders see the overview as it always was, and a city's leaders their city, not
     * empty charts.
     */
    public record OverviewRule(String dataset, String name, String clause, String description) {

        public static final OverviewRule DEFAULT = new OverviewRule("dash_kpi_overview", "概览：全国视角", "view_level = 'national'",
                "概览默认显示全国与各省；城市的领导看本市及其县区 / the overview shows the country and its provinces, a city's leaders their city");

        /** Groups its clause apart from the regions' rules and the no-region rule (Superset ANDs different groups). */
        public static final String GROUP_KEY = "overview";

        /** The roles the rule does not apply to: those of the regions filtered on the city. */
        public List<String> exemptRoles(List<Region> regions) {
            return regions.stream().filter(Region::isCity).map(Region::role).toList();
        }
    }

    /** A permission on a view or menu, as Superset names them. */
    public record Permission(String permission, String view) {}

    /** A region whose leaders see only its subtree. */
    public record Region(String code, String name, String column) {

        /** The column the region rule of a city filters on. */
        public static final String CITY_COLUMN = "city_code";

        /** A city's region: its leaders read the city's view of the overview. */
        public boolean isCity() {
            return CITY_COLUMN.equals(column);
        }

        public String role() {
            return "leader_" + code;
        }

        public String user() {
            return "leader_" + code;
        }

        public String ruleName() {
            return "地区：" + name + "（" + code + "）";
        }

        public String clause() {
            return column + " = '" + code.replace("'", "''") + "'";
        }
    }

    public static AccessPolicy load(Path file) {
        JsonNode doc;
        try {
            doc = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode leader = doc.path("leader");
        List<String> datasets = new ArrayList<>();
        leader.path("datasets").forEach(d -> datasets.add(d.asText()));
        List<Permission> permissions = new ArrayList<>();
        leader.path("permissions").fields().forEachRemaining(e -> e.getValue().forEach(v -> permissions.add(new Permission(e.getKey(), v.asText()))));
        List<String> adminDashboards = new ArrayList<>();
        doc.path("admin_dashboards").forEach(d -> adminDashboards.add(d.asText()));
        List<Region> regions = new ArrayList<>();
        for (JsonNode r : doc.path("regions")) {
            String code = r.path("code").asText();
            if (!code.matches("[0-9]{6}")) {
                throw new IllegalStateException(file + ": region code '" + code + "' is not a 6-digit region code");
            }
            regions.add(new Region(code, r.path("name").asText(), r.path("column").asText(Region.CITY_COLUMN)));
        }
        JsonNode noRegion = doc.path("no_region");
        NoRegionRule rule = new NoRegionRule(noRegion.path("name").asText(NoRegionRule.DEFAULT.name()),
                noRegion.path("clause").asText(NoRegionRule.DEFAULT.clause()), noRegion.path("description").asText(NoRegionRule.DEFAULT.description()));
        if (rule.clause().isBlank()) {
            throw new IllegalStateException(file + ": no_region.clause is empty; leave it out for the default '1 = 0'");
        }
        JsonNode overview = doc.path("overview");
        OverviewRule overviewRule = new OverviewRule(overview.path("dataset").asText(OverviewRule.DEFAULT.dataset()),
                overview.path("name").asText(OverviewRule.DEFAULT.name()), overview.path("clause").asText(OverviewRule.DEFAULT.clause()),
                overview.path("description").asText(OverviewRule.DEFAULT.description()));
        if (overviewRule.clause().isBlank() || !datasets.contains(overviewRule.dataset())) {
            throw new IllegalStateException(file + ": overview needs a clause and one of leader.datasets (" + overviewRule.dataset() + ")");
        }
        return new AccessPolicy(leader.path("role").asText("leader"), datasets, permissions, adminDashboards, regions, rule, overviewRule);
    }
}
