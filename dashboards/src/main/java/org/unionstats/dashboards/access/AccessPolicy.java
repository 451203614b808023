package org.unionstats.dashboards.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** dashboards/access.yaml: the leader role's permissions and datasets, admin-only dashboards, and the regions with their own leaders. */
public record AccessPolicy(String leaderRole, List<String> leaderDatasets, List<Permission> leaderPermissions, List<String> adminDashboards,
        List<Region> regions) {

    /** A permission on a view or menu, as Superset names them. */
    public record Permission(String permission, String view) {}

    /** A region whose leaders see only its subtree. */
    public record Region(String code, String name, String column) {

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
            regions.add(new Region(code, r.path("name").asText(), r.path("column").asText("city_code")));
        }
        return new AccessPolicy(leader.path("role").asText("leader"), datasets, permissions, adminDashboards, regions);
    }
}
