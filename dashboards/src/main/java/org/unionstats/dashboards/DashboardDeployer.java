package org.unionstats.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.unionstats.dashboards.access.AccessPolicy;
import org.unionstats.dashboards.access.AccessSync;
import org.unionstats.dashboards.assets.AssetBundle;
import org.unionstats.dashboards.superset.SupersetClient;
import org.unionstats.dashboards.superset.SupersetCredentials;
import org.unionstats.serving.security.TrinoCredentials;

/**
 * {@code bin/unionstats dashboards deploy}: logs in as admin, imports the bundle zipped from
 * dashboards/assets/ (database with the analyst's password, datasets, charts, dashboards; Superset
 * overwrites them by UUID) and makes roles, row-level security and users match dashboards/access.yaml.
 * Deploying twice changes nothing; an edited YAML file changes exactly its object.
 */
public final class DashboardDeployer {

    /** What a deploy did: asset files imported, roles, rules and users created or changed (0 when they already matched). */
    public record Result(int files, int accessChanges, String url) {}

    private final SupersetCredentials credentials;
    private final Consumer<String> log;

    public DashboardDeployer(SupersetCredentials credentials, Consumer<String> log) {
        this.credentials = credentials;
        this.log = log;
    }

    public Result deploy(Path dashboardsFolder, TrinoCredentials trino) {
        String url = credentials.url();
        SupersetClient admin = SupersetClient.login(url, SupersetCredentials.ADMIN, credentials.users().get(SupersetCredentials.ADMIN));
        Path assets = dashboardsFolder.resolve("assets");
        AssetBundle bundle = AssetBundle.of(assets, trino);
        log.accept("importing " + assets + " into Superset at " + url);
        admin.postMultipart("api/v1/assets/import/", Map.of("passwords", json(bundle.passwords())), "bundle", "unionstats_dashboards.zip",
                bundle.zip());
        scopeFilters(admin, assets);
        int changes = new AccessSync(admin, log).apply(AccessPolicy.load(dashboardsFolder.resolve("access.yaml")), url,
                (user, role) -> credentials.password(user, role));
        return new Result(countFiles(assets), changes, url);
    }

    /**
     * The import maps a native filter's excluded charts to their new ids but not the charts in its
     * scope, which the dashboard uses to apply it: set them from the dashboard's own charts.
     */
    private int scopeFilters(SupersetClient admin, Path assets) {
        ObjectMapper json = new ObjectMapper();
        int changes = 0;
        try (var files = java.nio.file.Files.list(assets.resolve("dashboards"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String slug = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(file.toFile()).path("slug").asText();
                JsonNode dashboard = admin.get("api/v1/dashboard/" + slug).path("result");
                java.util.TreeSet<Integer> charts = new java.util.TreeSet<>();
                json.readTree(dashboard.path("position_json").asText("{}")).forEach(n -> {
                    if ("CHART".equals(n.path("type").asText())) {
                        charts.add(n.path("meta").path("chartId").asInt());
                    }
                });
                com.fasterxml.jackson.databind.node.ObjectNode metadata = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                        dashboard.path("json_metadata").asText("{}"));
                String before = metadata.toString();
                for (JsonNode filter : metadata.path("native_filter_configuration")) {
                    java.util.TreeSet<Integer> inScope = new java.util.TreeSet<>(charts);
                    filter.path("scope").path("excluded").forEach(x -> inScope.remove(x.asInt()));
                    var array = ((com.fasterxml.jackson.databind.node.ObjectNode) filter).putArray("chartsInScope");
                    inScope.forEach(array::add);
                }
                if (!metadata.toString().equals(before)) {
                    admin.put("api/v1/dashboard/" + dashboard.path("id").asInt(), json.createObjectNode().put("json_metadata", metadata.toString()));
                    changes++;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return changes;
    }

    private static int countFiles(Path assets) {
        try (var walk = java.nio.file.Files.walk(assets)) {
            return (int) walk.filter(p -> p.toString().endsWith(".yaml")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String json(Map<String, String> map) {
        try {
            return new ObjectMapper().writeValueAsString(map);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dashboards' ids and slugs as Superset lists them. */
    public static JsonNode dashboards(SupersetClient client) {
        return client.get("api/v1/dashboard/" + SupersetClient.q("(page_size:100)")).path("result");
    }
}
