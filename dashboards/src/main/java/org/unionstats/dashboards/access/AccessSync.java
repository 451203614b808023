package org.unionstats.dashboards.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import org.unionstats.dashboards.superset.SupersetClient;
import org.unionstats.dashboards.superset.SupersetException;

/**
 * Makes Superset's roles, row-level-security rules, users and dashboard roles match the access
 * policy, through the REST API. Only what differs is written, so a second run changes nothing.
 */
public final class AccessSync {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SupersetDirectory directory;
    private final SupersetClient client;
    private final Consumer<String> log;
    private int changes;

    public AccessSync(SupersetClient client, Consumer<String> log) {
        this.client = client;
        this.directory = new SupersetDirectory(client);
        this.log = log;
    }

    /**
     * @param passwordFor user name and role → the user's password (generated once and kept by the caller)
     * @return how many objects were created or changed
     */
    public int apply(AccessPolicy policy, String supersetUrl, BiFunction<String, String, String> passwordFor) {
        changes = 0;
        Map<String, JsonNode> datasets = directory.datasets();
        Map<String, Integer> permissionViews = directory.permissionViews();

        List<Integer> leaderPermissions = new ArrayList<>();
        for (AccessPolicy.Permission p : policy.leaderPermissions()) {
            Integer id = permissionViews.get(p.permission() + "|" + p.view());
            if (id == null) {
                throw new IllegalStateException("Superset has no permission '" + p.permission() + "' on '" + p.view() + "' (dashboards/access.yaml)");
            }
            leaderPermissions.add(id);
        }
        List<Integer> datasetIds = new ArrayList<>();
        for (String name : policy.leaderDatasets()) {
            JsonNode dataset = datasets.get(name);
            if (dataset == null) {
                throw new IllegalStateException("no dataset '" + name + "' in Superset: the import did not create it");
            }
            int id = dataset.path("id").asInt();
            datasetIds.add(id);
            String suffix = "].[" + name + "](id:" + id + ")";
            permissionViews.entrySet().stream().filter(e -> e.getKey().startsWith("datasource_access|") && e.getKey().endsWith(suffix))
                    .findFirst().ifPresentOrElse(e -> leaderPermissions.add(e.getValue()), () -> {
                        throw new IllegalStateException("no datasource_access permission for dataset " + name + " (id " + id + ")");
                    });
        }
        int leaderRole = role(policy.leaderRole());
        permissions(leaderRole, policy.leaderRole(), leaderPermissions);
        int admin = role(AccessPolicy.ADMIN_ROLE);

        List<Integer> exempt = new ArrayList<>(List.of(admin));
        Map<String, Integer> regionRoles = new HashMap<>();
        for (AccessPolicy.Region region : policy.regions()) {
            int regionRole = role(region.role());
            exempt.add(regionRole);
            regionRoles.put(region.role(), regionRole);
            permissions(regionRole, region.role(), List.of());
            rule(new Rule(region.ruleName(), "Regular", region.clause(), "region", region.name() + "的领导只看本地区及下属组织的数据",
                    datasetIds, List.of(regionRole)));
            user(region.user(), region.name(), List.of(leaderRole, regionRole), passwordFor.apply(region.user(), policy.leaderRole()), supersetUrl);
        }
        // Before this rule, a user with the leader role and no region's role saw every region.
        AccessPolicy.NoRegionRule noRegion = policy.noRegion();
        rule(new Rule(noRegion.name(), "Base", noRegion.clause(), AccessPolicy.NoRegionRule.GROUP_KEY, noRegion.description(), datasetIds,
                exempt));
        // Before this rule, a city's leader opened the overview on the provinces, which their region rule removes: empty charts.
        AccessPolicy.OverviewRule overview = policy.overview();
        List<Integer> cityRoles = overview.exemptRoles(policy.regions()).stream().map(regionRoles::get).toList();
        rule(new Rule(overview.name(), "Base", overview.clause(), AccessPolicy.OverviewRule.GROUP_KEY, overview.description(),
                List.of(datasets.get(overview.dataset()).path("id").asInt()), cityRoles));

        for (String slug : policy.adminDashboards()) {
            dashboardRoles(slug, List.of(admin));
        }
        return changes;
    }

    /** A row-level-security rule as Superset's API takes it; for a Base rule, the roles are the ones it does not apply to. */
    record Rule(String name, String filterType, String clause, String groupKey, String description, List<Integer> tables,
            List<Integer> roles) {

        ObjectNode body() {
            ObjectNode body = JSON.createObjectNode().put("name", name).put("filter_type", filterType).put("clause", clause)
                    .put("group_key", groupKey).put("description", description);
            ArrayNode t = body.putArray("tables");
            tables.stream().sorted().forEach(t::add);
            ArrayNode r = body.putArray("roles");
            roles.stream().sorted().forEach(r::add);
            return body;
        }

        /** Whether Superset's copy (GET /api/v1/rowlevelsecurity/id) says the same. */
        boolean matches(JsonNode current) {
            Set<Integer> currentTables = new TreeSet<>();
            current.path("tables").forEach(x -> currentTables.add(x.path("id").asInt()));
            Set<Integer> currentRoles = new TreeSet<>();
            current.path("roles").forEach(x -> currentRoles.add(x.path("id").asInt()));
            return current.path("clause").asText().equals(clause) && current.path("filter_type").asText().equals(filterType)
                    && current.path("group_key").asText().equals(groupKey) && currentTables.equals(new TreeSet<>(tables))
                    && currentRoles.equals(new TreeSet<>(roles)) && current.path("description").asText().equals(description);
        }
    }

    private int role(String name) {
        JsonNode existing = directory.roles().get(name);
        if (existing != null) {
            return existing.path("id").asInt();
        }
        log.accept("creating role " + name);
        changes++;
        return client.post("api/v1/security/roles/", JSON.createObjectNode().put("name", name)).path("id").asInt();
    }

    private void permissions(int roleId, String name, List<Integer> wanted) {
        Set<Integer> current = new TreeSet<>();
        client.get("api/v1/security/roles/" + roleId + "/permissions/").path("result").forEach(p -> current.add(p.path("id").asInt()));
        if (current.equals(new TreeSet<>(wanted))) {
            return;
        }
        log.accept("setting the permissions of role " + name + " (" + wanted.size() + ")");
        changes++;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode ids = body.putArray("permission_view_menu_ids");
        wanted.forEach(ids::add);
        client.post("api/v1/security/roles/" + roleId + "/permissions", body);
    }

    private void rule(Rule rule) {
        JsonNode existing = directory.rules().get(rule.name());
        if (existing == null) {
            log.accept("creating " + rule.filterType() + " row-level security rule " + rule.name() + ": " + rule.clause());
            changes++;
            client.post("api/v1/rowlevelsecurity/", rule.body());
            return;
        }
        int id = existing.path("id").asInt();
        if (!rule.matches(client.get("api/v1/rowlevelsecurity/" + id).path("result"))) {
            log.accept("updating row-level security rule " + rule.name());
            changes++;
            client.put("api/v1/rowlevelsecurity/" + id, rule.body());
        }
    }

    private void user(String username, String regionName, List<Integer> roles, String password, String supersetUrl) {
        JsonNode existing = directory.users().get(username);
        if (existing == null) {
            log.accept("creating user " + username);
            changes++;
            ObjectNode body = JSON.createObjectNode().put("username", username).put("first_name", regionName).put("last_name", "领导")
                    .put("email", username + "@unionstats.local").put("active", true).put("password", password);
            ArrayNode r = body.putArray("roles");
            roles.forEach(r::add);
            client.post("api/v1/security/users/", body);
            return;
        }
        int id = existing.path("id").asInt();
        JsonNode current = client.get("api/v1/security/users/" + id).path("result");
        Set<Integer> currentRoles = new TreeSet<>();
        current.path("roles").forEach(x -> currentRoles.add(x.path("id").asInt()));
        ObjectNode update = JSON.createObjectNode();
        if (!currentRoles.equals(new TreeSet<>(roles))) {
            ArrayNode r = update.putArray("roles");
            roles.forEach(r::add);
        }
        if (!current.path("active").asBoolean(true)) {
            update.put("active", true);
        }
        if (!canLogIn(supersetUrl, username, password)) {
            update.put("password", password);
        }
        if (!update.isEmpty()) {
            log.accept("updating user " + username);
            changes++;
            client.put("api/v1/security/users/" + id, update);
        }
    }

    private static boolean canLogIn(String url, String username, String password) {
        try {
            SupersetClient.login(url, username, password);
            return true;
        } catch (SupersetException e) {
            return false;
        }
    }

    private void dashboardRoles(String slug, List<Integer> roles) {
        JsonNode dashboard = directory.dashboard(slug).orElseThrow(() -> new IllegalStateException("no dashboard '" + slug + "' after the import"));
        Set<Integer> current = new TreeSet<>();
        dashboard.path("roles").forEach(r -> current.add(r.path("id").asInt()));
        if (current.equals(new TreeSet<>(roles))) {
            return;
        }
        log.accept("limiting dashboard " + slug + " to roles " + roles);
        changes++;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode r = body.putArray("roles");
        roles.forEach(r::add);
        client.put("api/v1/dashboard/" + dashboard.path("id").asInt(), body);
    }
}
