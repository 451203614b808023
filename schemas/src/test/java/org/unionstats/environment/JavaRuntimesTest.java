package org.unionstats.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {

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
    void aJdksBuildIsItsVendorAndRuntimeVersion() throws Exception {
        Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\nJAVA_VERSION=\"25.0.3\"\n");
        assertThat(JavaRuntimes.runtime(dir)).contains(new JavaRuntimes.JavaRuntime(dir, 25, "Eclipse Adoptium 25.0.3+9-LTS"));
        assertThat(JavaRuntimes.runtime(dir).orElseThrow().java()).isEqualTo(dir.resolve("bin/java"));
    }

    @Test
    void theServersJdkComesFromTheEnvironmentItIsGiven() throws Exception {
        Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        assertThat(JavaRuntimes.trinoJavaHome(environment(Map.of(JavaRuntimes.TRINO_ENV, dir.toString())))).isEqualTo(dir);
        Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        assertThatThrownBy(() -> JavaRuntimes.trinoJavaHome(environment(Map.of(JavaRuntimes.TRINO_ENV, dir.toString()))))
                .hasMessageContaining("Java 17").hasMessageContaining(JavaRuntimes.TRINO_ENV);
        assertThat(JavaRuntimes.folders(environment(Map.of("HOME", "/home/someone"))))
                .contains(Path.of("/home/someone/.sdkman/candidates/java"), Path.of("/usr/lib/jvm"));
    }

    @Test
    void theKpiJobsJdkIsTheOneConfiguredWhenSet() throws Exception {
        Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"Someone\"\nJAVA_VERSION=\"21.0.2\"\n");
        Path java = Files.writeString(dir.resolve("bin/java"), "");
        assertThatThrownBy(() -> JavaRuntimes.kpiJob(environment(Map.of(JavaRuntimes.KPI_JOB_ENV, dir.toString()))))
                .as("bin/java not executable").hasMessageContaining(JavaRuntimes.KPI_JOB_ENV);
        assertThat(java.toFile().setExecutable(true)).isTrue();
        assertThat(JavaRuntimes.kpiJob(environment(Map.of(JavaRuntimes.KPI_JOB_ENV, dir.toString()))))
                .isEqualTo(new JavaRuntimes.JavaRuntime(dir, 21, "Someone 21.0.2"));
    }

    @Test
    void theKpiJobRunsOnTheNewestTestedJdkNeverOlderThanThisOne() {
        JavaRuntimes.JavaRuntime chosen = JavaRuntimes.kpiJob(environment(Map.of()));
        assertThat(chosen.feature()).isBetween(Runtime.version().feature(), Math.max(Runtime.version().feature(), JavaRuntimes.KPI_JOB_NEWEST_FEATURE));
        assertThat(chosen.java()).isExecutable();
        if (chosen.feature() == Runtime.version().feature()) {
            assertThat(chosen).as("no newer JDK installed: this JVM").isEqualTo(JavaRuntimes.current());
        }
    }

    private Environment environment(Map<String, String> variables) {
        return new Environment(dir, dir.resolve(".local"), variables);
    }

    @Test
    void aJdkGetsTheLibraryAccessOptionsItKnows() {
        Path home = Path.of("/usr/lib/jvm/any");
        assertThat(new JavaRuntimes.JavaRuntime(home, 17, "OpenJDK 17").libraryAccessOptions()).as("Java 17 knows neither and would not start").isEmpty();
        assertThat(new JavaRuntimes.JavaRuntime(home, 22, "Temurin 22").libraryAccessOptions()).containsExactly("--enable-native-access=ALL-UNNAMED");
        assertThat(new JavaRuntimes.JavaRuntime(home, 25, "Temurin 25").libraryAccessOptions())
                .containsExactly("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");
    }
}
