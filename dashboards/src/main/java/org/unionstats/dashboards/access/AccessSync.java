package org.unionstats.dashboards.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
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

        for (AccessPolicy.Region region : policy.regions()) {
            int regionRole = role(region.role());
            permissions(regionRole, region.role(), List.of());
            rule(region, datasetIds, regionRole);
            user(region.user(), region.name(), List.of(leaderRole, regionRole), passwordFor.apply(region.user(), policy.leaderRole()), supersetUrl);
        }

        int admin = role("Admin");
        for (String slug : policy.adminDashboards()) {
            dashboardRoles(slug, List.of(admin));
        }
        return changes;
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

    private void rule(AccessPolicy.Region region, List<Integer> tables, int roleId) {
        ObjectNode body = JSON.createObjectNode().put("name", region.ruleName()).put("filter_type", "Regular").put("clause", region.clause())
                .put("group_key", "region").put("description", region.name() + "的领导只看本地区及下属组织的数据");
        ArrayNode t = body.putArray("tables");
        tables.stream().sorted().forEach(t::add);
        body.putArray("roles").add(roleId);
        JsonNode existing = directory.rules().get(region.ruleName());
        if (existing == null) {
            log.accept("creating row-level security rule " + region.ruleName() + ": " + region.clause());
            changes++;
            client.post("api/v1/rowlevelsecurity/", body);
            return;
        }
        int id = existing.path("id").asInt();
        JsonNode current = client.get("api/v1/rowlevelsecurity/" + id).path("result");
        Set<Integer> currentTables = new TreeSet<>();
        current.path("tables").forEach(x -> currentTables.add(x.path("id").asInt()));
        Set<Integer> currentRoles = new TreeSet<>();
        current.path("roles").forEach(x -> currentRoles.add(x.path("id").asInt()));
        boolean same = current.path("clause").asText().equals(region.clause()) && current.path("filter_type").asText().equals("Regular")
                && current.path("group_key").asText().equals("region") && currentTables.equals(new TreeSet<>(tables))
                && currentRoles.equals(Set.of(roleId)) && current.path("description").asText().equals(body.path("description").asText());
        if (!same) {
            log.accept("updating row-level security rule " + region.ruleName());
            changes++;
            client.put("api/v1/rowlevelsecurity/" + id, body);
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
