package org.unionstats.dashboards.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.unionstats.dashboards.superset.SupersetClient;

/** Looks up Superset's objects by name through the REST API (roles, users, datasets, permissions, rules, dashboards). */
public final class SupersetDirectory {

    private final SupersetClient client;

    public SupersetDirectory(SupersetClient client) {
        this.client = client;
    }

    public SupersetClient client() {
        return client;
    }

    /** Every row of a list endpoint, page by page: key field → row. */
    public Map<String, JsonNode> list(String endpoint, String keyField) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = client.get(endpoint + SupersetClient.q("(page:" + page + ",page_size:100)"));
            JsonNode result = answer.path("result");
            for (JsonNode row : result) {
                rows.put(key(row, keyField), row);
            }
            if (result.size() < 100) {
                return rows;
            }
        }
    }

    private static String key(JsonNode row, String field) {
        JsonNode node = row;
        for (String part : field.split("\\.")) {
            node = node.path(part);
        }
        return node.asText();
    }

    public Map<String, JsonNode> roles() {
        return list("api/v1/security/roles/", "name");
    }

    public Map<String, JsonNode> users() {
        return list("api/v1/security/users/", "username");
    }

    public Map<String, JsonNode> datasets() {
        return list("api/v1/dataset/", "table_name");
    }

    public Map<String, JsonNode> rules() {
        return list("api/v1/rowlevelsecurity/", "name");
    }

    /** "permission|view" → id of the permission-view pair. */
    public Map<String, Integer> permissionViews() {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode result = client.get("api/v1/security/permissions-resources/" + SupersetClient.q("(page:" + page + ",page_size:100)"))
                    .path("result");
            for (JsonNode row : result) {
                ids.put(row.path("permission").path("name").asText() + "|" + row.path("view_menu").path("name").asText(), row.path("id").asInt());
            }
            if (result.size() < 100) {
                return ids;
            }
        }
    }

    public Optional<JsonNode> dashboard(String slug) {
        try {
            return Optional.of(client.get("api/v1/dashboard/" + slug).path("result"));
        } catch (org.unionstats.dashboards.superset.SupersetException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
