package org.unionstats.dashboards.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;

/** The checked-in dashboards/assets/ agree with the KPI catalogue, and the bundle is what Superset's import expects. */
class DashboardAssetsTest {

    static final Path ROOT = Path.of(System.getProperty("unionstats.root", "..")).toAbsolutePath().normalize();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    @Test
    void checkedInAssetsMatchTheCatalogue() {
        assertThat(AssetGenerator.load().differences(ROOT.resolve("dashboards/assets")))
                .as("dashboards/assets/ is out of date with schemas/kpis/: run 'bin/unionstats dashboards generate'")
                .isEmpty();
    }

    @Test
    void everyKpiHasAMetricWithItsNameUnitAndFormat() throws Exception {
        KpiCatalogue catalogue = KpiCatalogue.load();
        JsonNode dataset = YAML.readTree(ROOT.resolve("dashboards/assets/datasets/unionstats_trino/dash_kpi_values.yaml").toFile());
        Map<String, JsonNode> metrics = new HashMap<>();
        dataset.path("metrics").forEach(m -> metrics.put(m.path("metric_name").asText(), m));
        for (KpiDefinition kpi : catalogue.all()) {
            JsonNode metric = metrics.get(kpi.id());
            assertThat(metric).as(kpi.id()).isNotNull();
            assertThat(metric.path("verbose_name").asText()).startsWith(kpi.nameZh()).contains(KpiFormats.unitZh(kpi));
            assertThat(metric.path("d3format").asText()).isEqualTo(KpiFormats.d3Format(kpi));
        }
        assertThat(metrics.get("hardship_lift_out_rate").path("expression").asText())
                .as("a ratio is recomputed from its summed parts")
                .contains("'hardship_lifted_out'").contains("'hardship_caseload'").contains("NULLIF");
        assertThat(metrics.get("members_end").path("expression").asText()).startsWith("SUM(");
        assertThat(metrics.get("members_growth_yoy").path("expression").asText()).as("not additive").startsWith("MAX(");
    }

    @Test
    void chartsDashboardsAndDatasetsAreLinkedByFixedUuids() throws Exception {
        AssetGenerator generator = AssetGenerator.load();
        Set<String> datasetUuids = new HashSet<>();
        Set<String> chartUuids = new HashSet<>();
        for (Map.Entry<String, String> f : generator.files().entrySet()) {
            JsonNode node = YAML.readTree(f.getValue());
            if (f.getKey().startsWith("datasets/")) {
                assertThat(node.path("database_uuid").asText()).isEqualTo(AssetGenerator.DATABASE_UUID);
                datasetUuids.add(node.path("uuid").asText());
            }
        }
        for (Map.Entry<String, String> f : generator.files().entrySet()) {
            JsonNode node = YAML.readTree(f.getValue());
            if (f.getKey().startsWith("charts/")) {
                assertThat(datasetUuids).contains(node.path("dataset_uuid").asText());
                assertThat(node.path("slice_name").asText()).as(f.getKey()).matches(".*\\p{IsHan}.*");
                JsonNode qc = new ObjectMapper().readTree(node.path("query_context").asText());
                assertThat(qc.path("queries")).hasSize(1);
                chartUuids.add(node.path("uuid").asText());
            }
        }
        assertThat(generator.dashboards()).extracting(Dashboard::slug)
                .containsExactly("overview", "city", "county-scorecard", "data-quality");
        for (Map.Entry<String, String> f : generator.files().entrySet()) {
            if (f.getKey().startsWith("dashboards/")) {
                JsonNode position = YAML.readTree(f.getValue()).path("position");
                position.forEach(n -> {
                    if ("CHART".equals(n.path("type").asText())) {
                        assertThat(chartUuids).contains(n.path("meta").path("uuid").asText());
                    }
                });
            }
        }
        assertThat(Ids.uuid("chart", "x")).isEqualTo(Ids.uuid("chart", "x")).isNotEqualTo(Ids.uuid("chart", "y"));
    }

    @Test
    void theBundleHasOneRootFolderAndTheLocalTrinoPutIn() throws Exception {
        Path assets = tmp.resolve("assets");
        AssetGenerator.load().write(assets);
        AssetBundle bundle = AssetBundle.of(assets, Map.of(AssetGenerator.HOST_PORT, "127.0.0.1:8443", AssetGenerator.CATALOG, "unionstats",
                AssetGenerator.CERTIFICATE, "/x/cert.pem"), Map.of("databases/unionstats_trino.yaml", "pw"));
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.zip()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsKeys("unionstats_dashboards/metadata.yaml", "unionstats_dashboards/databases/unionstats_trino.yaml",
                "unionstats_dashboards/datasets/unionstats_trino/dash_kpi_values.yaml", "unionstats_dashboards/dashboards/overview.yaml");
        JsonNode db = YAML.readTree(entries.get("unionstats_dashboards/databases/unionstats_trino.yaml"));
        assertThat(db.path("sqlalchemy_uri").asText()).isEqualTo("trino://analyst:XXXXXXXXXX@127.0.0.1:8443/unionstats");
        assertThat(db.path("extra").path("engine_params").path("connect_args").path("verify").asText()).isEqualTo("/x/cert.pem");
        assertThat(entries.values()).noneMatch(t -> t.contains("${TRINO_"));
        assertThat(bundle.passwords()).containsEntry("databases/unionstats_trino.yaml", "pw");
    }

    @Test
    void everyFileNamesWhereTheDashboardDefinitionsLive() {
        String header = AssetGenerator.HEADER;
        java.util.regex.Matcher path = java.util.regex.Pattern.compile("\\((\\S+)/\\.\\.\\./assets/(\\w+\\.java)\\)").matcher(header);
        assertThat(path.find()).as(header).isTrue();
        assertThat(ROOT.resolve(path.group(1) + "/org/unionstats/dashboards/assets/" + path.group(2))).isRegularFile();
        assertThat(AssetGenerator.load().files().values()).allSatisfy(content -> assertThat(content).startsWith(header));
    }

    @Test
    void generateRemovesFilesItNoLongerMakes() throws Exception {
        Path assets = tmp.resolve("assets");
        AssetGenerator generator = AssetGenerator.load();
        generator.write(assets);
        Files.writeString(assets.resolve("charts/old.yaml"), "slice_name: old\n");
        assertThat(generator.differences(assets)).containsExactly("charts/old.yaml is not generated");
        assertThat(generator.write(assets)).isEqualTo(1);
        assertThat(generator.differences(assets)).isEmpty();
    }
}
