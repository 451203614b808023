package org.unionstats.serving.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.environment.Environment;

class TrinoConfigTest {

    @TempDir
    Path dir;

    @Test
    void theEnvironmentGivesTheFoldersAndTheDefaults() {
        TrinoConfig config = TrinoConfig.of(new Environment(dir, dir.resolve("state"), Map.of()));
        assertThat(config).isEqualTo(new TrinoConfig(dir.resolve("state"), dir.resolve(".cache"), TrinoConfig.DEFAULT_HTTPS_PORT,
                TrinoConfig.DEFAULT_HTTP_PORT, TrinoConfig.DEFAULT_HEAP));
        assertThat(config.url()).isEqualTo("https://127.0.0.1:8443");
    }

    @Test
    void laterCommandsFindThePortsOfTheLastStartFromTheValuesRecordedNotTheRenderedFiles() throws Exception {
        Environment environment = new Environment(dir, dir.resolve("state"), Map.of());
        TrinoConfig started = TrinoConfig.of(environment).withPorts(9443, 9080).withHeap("2G");
        started.render(dir.resolve("keystore.p12"), "pw", "secret");
        assertThat(Files.readString(started.etcFolder().resolve("config.properties"))).contains("9443").contains("9080");
        assertThat(Files.readString(started.etcFolder().resolve("jvm.config"))).contains("-Xmx2G");
        Files.delete(started.etcFolder().resolve("config.properties"));

        TrinoConfig later = TrinoConfig.of(environment);
        assertThat(later.httpsPort()).isEqualTo(9443);
        assertThat(later.httpPort()).isEqualTo(9080);
        assertThat(later.heap()).as("the heap is chosen at each start").isEqualTo(TrinoConfig.DEFAULT_HEAP);
        assertThat(later.withPorts(null, 9081).httpsPort()).isEqualTo(9443);
    }

    @Test
    void theCatalogReachesOnlyTheMetastoreAndThePublishedWarehouses() throws Exception {
        TrinoConfig config = TrinoConfig.of(new Environment(dir, dir.resolve("state"), Map.of()));
        config.render(dir.resolve("keystore.p12"), "pw", "secret");
        String catalog = Files.readString(config.etcFolder().resolve("catalog/unionstats.properties"));
        assertThat(catalog).contains("local.location=" + config.fileSystemRoot() + "\n").contains("hive.metastore.catalog.dir=local:///metastore\n");
        assertThat(config.metastoreFolder().getParent()).isEqualTo(config.fileSystemRoot());
        assertThat(config.warehousesFolder().getParent()).isEqualTo(config.fileSystemRoot());
        for (Path secret : java.util.List.of(config.etcFolder(), config.tlsFolder(), config.secretsFile(), config.dataFolder(), dir.resolve("state"))) {
            assertThat(secret.startsWith(config.fileSystemRoot())).as(secret + " is out of the catalog's reach").isFalse();
        }
    }

    @Test
    void anUnreadableRecordMeansTheDefaults() throws Exception {
        Environment environment = new Environment(dir, dir.resolve("state"), Map.of());
        Files.createDirectories(TrinoConfig.of(environment).trinoFolder());
        Files.writeString(TrinoConfig.of(environment).renderedFile(), "{not json");
        assertThat(TrinoConfig.of(environment).httpsPort()).isEqualTo(TrinoConfig.DEFAULT_HTTPS_PORT);
    }
}
