package org.unionstats.dashboards.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small in-process stand-in for the part of Superset's REST API that {@link AccessSync} uses
 * (login, datasets, permissions, roles, row-level security, users, dashboards), keeping what it is
 * sent, so a unit test can check what a deploy writes. Only for unit tests: DashboardsIT checks the
 * real Superset.
 */
final class FakeSuperset implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One write the client sent. */
    record Write(String method, String path, JsonNode body) {}

    private final HttpServer server;
    private final Map<String, Integer> datasets = new LinkedHashMap<>();
    private final Map<String, Integer> permissionViews = new LinkedHashMap<>();
    private final Map<String, ObjectNode> roles = new LinkedHashMap<>();
    private final Map<Integer, List<Integer>> rolePermissions = new LinkedHashMap<>();
    private final Map<Integer, ObjectNode> rules = new LinkedHashMap<>();
    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, ObjectNode> dashboards = new LinkedHashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private int nextId = 100;

    /** Superset with these datasets (imported), every permission the policy names, the Admin role and user, and the dashboards. */
    FakeSuperset(AccessPolicy policy, List<String> datasetNames, List<String> dashboardSlugs) throws IOException {
        for (String name : datasetNames) {
            int id = id();
            datasets.put(name, id);
            permissionViews.put("datasource_access|[unionstats（Trino）].[" + name + "](id:" + id + ")", id());
        }
        policy.leaderPermissions().forEach(p -> permissionViews.put(p.permission() + "|" + p.view(), id()));
        roles.put("Admin", JSON.createObjectNode().put("id", 1).put("name", "Admin"));
        rolePermissions.put(1, new ArrayList<>(permissionViews.values()));
        ObjectNode admin = JSON.createObjectNode().put("id", 1).put("username", "admin").put("active", true);
        admin.putArray("roles").addObject().put("id", 1);
        users.put("admin", admin);
        passwords.put("admin", "admin-pw");
        for (String slug : dashboardSlugs) {
            ObjectNode dashboard = JSON.createObjectNode().put("id", id()).put("slug", slug);
            dashboard.putArray("roles");
            dashboards.put(slug, dashboard);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int datasetId(String name) {
        return datasets.get(name);
    }

    int roleId(String name) {
        return roles.get(name).path("id").asInt();
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    synchronized void clearWrites() {
        writes.clear();
    }

    /** The rules as Superset keeps them: name → the object GET /api/v1/rowlevelsecurity/id answers. */
    synchronized Map<String, JsonNode> rules() {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        rules.values().forEach(r -> byName.put(r.path("name").asText(), r.deepCopy()));
        return byName;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private int id() {
        return nextId++;
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath().replaceFirst("^/", "");
            byte[] in = exchange.getRequestBody().readAllBytes();
            JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
            if (!method.equals("GET") && !path.equals("api/v1/security/login")) {
                writes.add(new Write(method, path, body));
            }
            JsonNode answer = answer(method, path, body);
            if (answer == null) {
                respond(exchange, 404, JSON.createObjectNode().put("message", "Not found: " + method + " " + path));
            } else if (answer.has("__status")) {
                respond(exchange, answer.path("__status").asInt(), JSON.createObjectNode().put("message", "refused"));
            } else {
                respond(exchange, 200, answer);
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, JSON.createObjectNode().put("message", String.valueOf(e)));
        }
    }

    private JsonNode answer(String method, String path, JsonNode body) {
        Matcher m;
        if (method.equals("POST") && path.equals("api/v1/security/login")) {
            String user = body.path("username").asText();
            if (!body.path("password").asText().equals(passwords.get(user))) {
                return JSON.createObjectNode().put("__status", 401);
            }
            return JSON.createObjectNode().put("access_token", "token-" + user);
        }
        if (path.equals("api/v1/security/csrf_token/")) {
            return JSON.createObjectNode().put("result", "csrf");
        }
        if (method.equals("GET") && path.equals("api/v1/dataset/")) {
            ArrayNode result = JSON.createArrayNode();
            datasets.forEach((name, id) -> result.addObject().put("id", id).put("table_name", name));
            return page(result);
        }
        if (method.equals("GET") && path.equals("api/v1/security/permissions-resources/")) {
            ArrayNode result = JSON.createArrayNode();
            permissionViews.forEach((key, id) -> {
                String[] parts = key.split("\\|", 2);
                ObjectNode row = result.addObject().put("id", id);
                row.putObject("permission").put("name", parts[0]);
                row.putObject("view_menu").put("name", parts[1]);
            });
            return page(result);
        }
        if (path.equals("api/v1/security/roles/")) {
            if (method.equals("POST")) {
                ObjectNode role = JSON.createObjectNode().put("id", id()).put("name", body.path("name").asText());
                roles.put(role.path("name").asText(), role);
                rolePermissions.put(role.path("id").asInt(), new ArrayList<>());
                return role;
            }
            ArrayNode result = JSON.createArrayNode();
            roles.values().forEach(result::add);
            return page(result);
        }
        if ((m = match("api/v1/security/roles/(\\d+)/permissions/?", path)) != null) {
            int role = Integer.parseInt(m.group(1));
            if (method.equals("POST")) {
                List<Integer> ids = new ArrayList<>();
                body.path("permission_view_menu_ids").forEach(x -> ids.add(x.asInt()));
                rolePermissions.put(role, ids);
                return JSON.createObjectNode();
            }
            ArrayNode result = JSON.createArrayNode();
            rolePermissions.getOrDefault(role, List.of()).forEach(id -> result.addObject().put("id", id));
            return JSON.createObjectNode().set("result", result);
        }
        if (path.equals("api/v1/rowlevelsecurity/")) {
            if (method.equals("POST")) {
                int id = id();
                rules.put(id, stored(id, body));
                return JSON.createObjectNode().put("id", id);
            }
            ArrayNode result = JSON.createArrayNode();
            rules.values().forEach(r -> result.addObject().put("id", r.path("id").asInt()).put("name", r.path("name").asText()));
            return page(result);
        }
        if ((m = match("api/v1/rowlevelsecurity/(\\d+)", path)) != null) {
            int id = Integer.parseInt(m.group(1));
            if (!rules.containsKey(id)) {
                return null;
            }
            if (method.equals("PUT")) {
                rules.put(id, stored(id, body));
                return JSON.createObjectNode().put("id", id);
            }
            return JSON.createObjectNode().set("result", rules.get(id).deepCopy());
        }
        if (path.equals("api/v1/security/users/")) {
            if (method.equals("POST")) {
                ObjectNode user = JSON.createObjectNode().put("id", id()).put("username", body.path("username").asText()).put("active", true);
                ArrayNode r = user.putArray("roles");
                body.path("roles").forEach(x -> r.addObject().put("id", x.asInt()));
                users.put(user.path("username").asText(), user);
                passwords.put(user.path("username").asText(), body.path("password").asText());
                return JSON.createObjectNode().put("id", user.path("id").asInt());
            }
            ArrayNode result = JSON.createArrayNode();
            users.values().forEach(u -> result.addObject().put("id", u.path("id").asInt()).put("username", u.path("username").asText()));
            return page(result);
        }
        if ((m = match("api/v1/security/users/(\\d+)", path)) != null) {
            int id = Integer.parseInt(m.group(1));
            ObjectNode user = users.values().stream().filter(u -> u.path("id").asInt() == id).findFirst().orElse(null);
            if (user == null) {
                return null;
            }
            if (method.equals("PUT")) {
                if (body.has("roles")) {
                    ArrayNode r = user.putArray("roles");
                    body.path("roles").forEach(x -> r.addObject().put("id", x.asInt()));
                }
                if (body.has("password")) {
                    passwords.put(user.path("username").asText(), body.path("password").asText());
                }
                return JSON.createObjectNode();
            }
            return JSON.createObjectNode().set("result", user.deepCopy());
        }
        if ((m = match("api/v1/dashboard/([^/]+)", path)) != null) {
            String key = m.group(1);
            ObjectNode dashboard = dashboards.values().stream()
                    .filter(d -> d.path("slug").asText().equals(key) || d.path("id").asText().equals(key)).findFirst().orElse(null);
            if (dashboard == null) {
                return null;
            }
            if (method.equals("PUT")) {
                ArrayNode r = dashboard.putArray("roles");
                body.path("roles").forEach(x -> r.addObject().put("id", x.asInt()));
                return JSON.createObjectNode();
            }
            return JSON.createObjectNode().set("result", dashboard.deepCopy());
        }
        return null;
    }

    /** A rule as GET answers it: tables and roles as objects with their id. */
    private static ObjectNode stored(int id, JsonNode body) {
        ObjectNode rule = JSON.createObjectNode().put("id", id).put("name", body.path("name").asText())
                .put("filter_type", body.path("filter_type").asText()).put("clause", body.path("clause").asText())
                .put("group_key", body.path("group_key").asText()).put("description", body.path("description").asText());
        ArrayNode tables = rule.putArray("tables");
        body.path("tables").forEach(t -> tables.addObject().put("id", t.asInt()));
        ArrayNode roles = rule.putArray("roles");
        body.path("roles").forEach(r -> roles.addObject().put("id", r.asInt()));
        return rule;
    }

    private static ObjectNode page(ArrayNode result) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("count", result.size());
        answer.set("result", result);
        return answer;
    }

    private static Matcher match(String regex, String path) {
        Matcher m = Pattern.compile(regex).matcher(path);
        return m.matches() ? m : null;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
