package org.unionstats.dashboards.superset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.environment.Environment;
import org.unionstats.process.ChildProcess;

/** How Superset's processes are started: settings from the environment, secrets through standard input, a clean environment. */
class SupersetProcessesTest {

    @TempDir
    Path dir;

    @Test
    void settingsComeFromTheEnvironment() {
        SupersetSettings settings = SupersetSettings.of(new Environment(dir, dir.resolve("state"), Map.of()));
        assertThat(settings).isEqualTo(new SupersetSettings(dir, dir.resolve("state"), dir.resolve(".cache"), SupersetSettings.DEFAULT_PORT,
                SupersetSettings.DEFAULT_WORKERS));
        assertThat(settings.url()).isEqualTo("http://127.0.0.1:8088");
        assertThat(settings.configFile()).isEqualTo(dir.resolve("dashboards/superset/superset_config.py"));
        assertThat(settings.withPort(9088).url()).isEqualTo("http://127.0.0.1:9088");
    }

    @Test
    void pythonIsTheOneConfiguredElseTheFirstOnThePath() throws Exception {
        assertThat(SupersetInstallation.findPython(environment(Map.of(SupersetInstallation.PYTHON_VARIABLE, "/opt/py/bin/python3.10"))))
                .isEqualTo("/opt/py/bin/python3.10");
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        executable(first.resolve("python3"));
        executable(second.resolve("python3.11"));
        assertThat(SupersetInstallation.findPython(environment(Map.of("PATH", first + File.pathSeparator + second))))
                .as("python3.11 before python3").isEqualTo(second.resolve("python3.11").toString());
        assertThatThrownBy(() -> SupersetInstallation.findPython(environment(Map.of("PATH", dir.resolve("none").toString()))))
                .hasMessageContaining(SupersetInstallation.PYTHON_VARIABLE);
    }

    @Test
    void supersetsProcessesGetTheVenvFirstOnThePathAndNotTheVariablesThatWouldMislead() {
        SupersetServer server = new SupersetServer(new SupersetSettings(dir, dir.resolve("state"), dir.resolve(".cache"), 8088, 2),
                environment(Map.of("PATH", "/usr/bin")), m -> {});
        assertThat(server.variables()).containsEntry("PATH", dir.resolve(".cache/superset/venv/bin") + File.pathSeparator + "/usr/bin")
                .containsEntry("SUPERSET_CONFIG_PATH", dir.resolve("dashboards/superset/superset_config.py").toString())
                .containsEntry("UNIONSTATS_CREDENTIALS", dir.resolve("state/credentials.json").toString())
                // The letter archives of the warehouses Trino serves: each published warehouse is linked under its files.
                .containsEntry("UNIONSTATS_LETTER_ARCHIVES", dir.resolve("state/trino/files/warehouses/*/_letters").toString());

        ChildProcess.Result result = ChildProcess.of(SupersetServer.withoutUnsetVariables(
                        List.of("sh", "-c", "echo ${PYTHONPATH-unset} ${REQUESTS_CA_BUNDLE-unset} ${CURL_CA_BUNDLE-unset} $KEPT")))
                .environment(Map.of("PYTHONPATH", "/elsewhere", "REQUESTS_CA_BUNDLE", "/ca.pem", "CURL_CA_BUNDLE", "/ca.pem", "KEPT", "kept"))
                .runChecked();
        assertThat(result.stdoutText()).isEqualTo("unset unset unset kept");
    }

    @Test
    void aPasswordReachesSupersetsCommandLineThroughStandardInputOnly() throws Exception {
        ChildProcess.Result version = ChildProcess.of("python3", "-c", "import sys; print(sys.version_info >= (3, 10))").run();
        assumeThat(version.succeeded() && version.stdoutText().equals("True")).as("python3 3.10+ on the PATH").isTrue();
        // A stand-in for Superset's distribution: a 'superset' console script that prints what it was given.
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("fake_superset.py"), "import sys\ndef main():\n    print(sys.argv)\n    return 0\n");
        Path dist = Files.createDirectories(site.resolve("fake_superset-1.0.dist-info"));
        Files.writeString(dist.resolve("METADATA"), "Metadata-Version: 2.1\nName: fake-superset\nVersion: 1.0\n");
        Files.writeString(dist.resolve("entry_points.txt"), "[console_scripts]\nsuperset = fake_superset:main\n");

        List<String> command = new ArrayList<>(List.of("python3", "-c", SupersetServer.WITH_PASSWORD));
        command.addAll(List.of("fab", "reset-password", "--username", "admin"));
        ChildProcess.Result result = ChildProcess.of(command).environment(Map.of("PYTHONPATH", site.toString()))
                .input("s3cret-Pw\n").runChecked();

        assertThat(result.stdoutText()).isEqualTo("['superset', 'fab', 'reset-password', '--username', 'admin', '--password', 's3cret-Pw']");
        assertThat(String.join(" ", command)).doesNotContain("s3cret");
    }

    private Environment environment(Map<String, String> variables) {
        return new Environment(dir, dir.resolve("state"), variables);
    }

    private static void executable(Path file) throws Exception {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
