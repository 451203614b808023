package org.unionstats.serving.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallTest {

    @TempDir
    Path dir;

    @Test
    void theJdkFeatureVersionComesFromItsReleaseFile() throws Exception {
        Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        assertThat(JavaRuntimes.feature(dir)).contains(25);
        Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"1.8.0_402\"\n");
        assertThat(JavaRuntimes.feature(dir)).contains(8);
        assertThat(JavaRuntimes.feature(dir.resolve("nothing"))).isEmpty();
    }

    @Test
    void artifactsSitWhereMavenPutsThem() {
        assertThat(TrinoDistribution.HIVE_PLUGIN.in(Path.of("/m2")).toString()).isEqualTo("/m2/io/trino/trino-hive/476/trino-hive-476.zip");
        assertThat(TrinoDistribution.CLI.fileName()).isEqualTo("trino-cli-476-executable.jar");
        assertThat(TrinoDistribution.SERVER.coordinates()).isEqualTo("io.trino:trino-server-core:476:tar.gz");
    }

    @Test
    void aFileThatIsNotThePublishedArtifactIsRefused() throws Exception {
        Path fake = dir.resolve("trino-hive-476.zip");
        Files.writeString(fake, "not trino");
        assertThatThrownBy(() -> TrinoDistribution.verify(TrinoDistribution.HIVE_PLUGIN, fake)).hasMessageContaining("SHA-256");
    }
}
