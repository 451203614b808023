package org.unionstats.serving.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTemplatesTest {

    @TempDir
    Path etc;

    @Test
    void theEmbeddedConfigurationRendersCompletelyOnLoopbackWithHttpsAndPasswords() throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("http_port", "8080", "https_port", "8443", "keystore_path", "/k.p12",
                "keystore_password", "pw", "shared_secret", "s", "etc_dir", etc.toString(), "data_dir", "/data", "metastore_dir", "/meta"));
        values.put("heap", "4G");
        values.put("filesystem_root", "/state/trino/files");
        new ConfigTemplates("embedded").renderAll(etc, values);
        for (String file : ConfigTemplates.FILES) {
            assertThat(Files.readString(etc.resolve(file))).as(file).doesNotContain("{{");
        }
        assertThat(Files.readString(etc.resolve("node.properties"))).contains("node.bind-ip=127.0.0.1");
        assertThat(Files.readString(etc.resolve("config.properties"))).contains("http-server.authentication.type=PASSWORD")
                .contains("http-server.https.enabled=true");
        assertThat(Files.readString(etc.resolve("jvm.config"))).contains("-Xmx4G");
        assertThat(Files.readString(etc.resolve("catalog/unionstats.properties"))).contains("hive.metastore.catalog.dir=local:///meta")
                .contains("local.location=/state/trino/files\n").doesNotContain("local.location=/\n");
    }

    @Test
    void everyoneButTheAdminSeesAndKillsOnlyTheirOwnQueries() throws Exception {
        for (String variant : java.util.List.of("embedded", "production")) {
            JsonNode queries = new ObjectMapper().readTree(new ConfigTemplates(variant).template("rules.json")).path("queries");
            assertThat(queries).as(variant + ": query rules present (without them everyone may view and kill every query)").hasSize(2);
            assertThat(queries.get(0).path("user").asText()).isEqualTo("admin");
            assertThat(queries.get(0).path("allow")).extracting(JsonNode::asText).containsExactlyInAnyOrder("execute", "view", "kill");
            assertThat(queries.get(1).has("user")).as("the last rule is everyone's").isFalse();
            assertThat(queries.get(1).has("queryOwner")).isFalse();
            assertThat(queries.get(1).path("allow")).extracting(JsonNode::asText).as(variant + ": own queries only (Trino always allows those)")
                    .containsExactly("execute");
        }
    }

    @Test
    void theAnalystIsReadOnlyAndCannotSeeRawQuarantineRows() throws Exception {
        JsonNode rules = new ObjectMapper().readTree(new ConfigTemplates("embedded").template("rules.json"));
        boolean denied = false;
        for (JsonNode rule : rules.path("tables")) {
            if (rule.path("user").asText().equals("analyst")) {
                assertThat(rule.path("privileges").toString()).doesNotContain("INSERT", "DELETE", "UPDATE", "OWNERSHIP");
                for (JsonNode column : rule.path("columns")) {
                    denied |= column.path("name").asText().equals("raw_row") && !column.path("allow").asBoolean(true);
                }
            }
        }
        assertThat(denied).isTrue();
        for (JsonNode rule : rules.path("procedures")) {
            assertThat(rule.path("user").asText()).doesNotContain("analyst");
        }
    }

    @Test
    void theProductionFormUsesAMetastoreServiceAndObjectStorage() {
        String catalog = new ConfigTemplates("production").template("catalog/unionstats.properties");
        assertThat(catalog).contains("hive.metastore=thrift").contains("hive.metastore.uri=").contains("fs.native-s3.enabled=true");
    }

    @Test
    void aMissingValueIsAnError() {
        assertThatThrownBy(() -> new ConfigTemplates("embedded").render("node.properties", Map.of())).hasMessageContaining("{{data_dir}}");
    }
}
