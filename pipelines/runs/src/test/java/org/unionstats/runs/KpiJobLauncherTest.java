package org.unionstats.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.environment.Environment;
import org.unionstats.environment.JavaRuntimes;
import org.unionstats.kpis.ReportingRules;
import org.unionstats.warehouse.runs.KpiJobResult;

class KpiJobLauncherTest {

    @TempDir
    Path tmp;

    /** This JVM's classpath has the stand-in job (test org.unionstats.kpi.KpiJob) and DiesWithParent. */
    private final KpiJobLauncher launcher = new KpiJobLauncher(Path.of("not-built"), Optional.of(System.getProperty("java.class.path")), JavaRuntimes.current());

    @Test
    void theJobRunsInAChildJvmAndItsResultLineComesBack() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        String out = launcher.run(KpiJobRequest.incremental(tmp.toString(), "local[1]", ReportingRules.DEFAULT, "256m"), log::add);
        KpiJobResult result = KpiJobResult.fromOutput(out);
        assertThat(result.periodsWritten()).containsExactly("2024Q3", "2024-07");
        assertThat(result.kpiRows()).isEqualTo(42);
        assertThat(log).as("the job's log, blank lines dropped").containsExactly("kpi_values written");
    }

    @Test
    void theKpiStageReadsTheResult() {
        KpiJobResult result = new KpiStep("local[1]", "256m", ReportingRules.DEFAULT).run(launcher, tmp, new RunProgress(false, System.err), true);
        assertThat(result.periodsWritten()).containsExactly("2024Q3", "2024-07");
    }

    @Test
    void aFailedJobIsAnErrorWithItsExitCode() {
        assertThatThrownBy(() -> launcher.run(KpiJobRequest.incremental(tmp.toString(), "fail", ReportingRules.DEFAULT, "256m")))
                .hasMessageContaining("the KPI job failed (exit code 3)");
    }

    @Test
    void theJobsJvmTakesTheKpiModulesCompilerDirectives() throws Exception {
        Path module = tmp.resolve("pipelines/kpi");
        java.nio.file.Files.createDirectories(module.resolve("jvm"));
        assertThat(new KpiJobLauncher(module.resolve("target"), Optional.empty(), JavaRuntimes.current()).javaOptions()).as("no directives file: Spark's options and the collector only")
                .containsExactlyElementsOf(withCollector(KpiJobLauncher.JAVA_OPTIONS));
        java.nio.file.Files.writeString(module.resolve(KpiJobLauncher.COMPILER_DIRECTIVES), "[]");
        assertThat(new KpiJobLauncher(module.resolve("target"), Optional.empty(), JavaRuntimes.current()).javaOptions())
                .containsSubsequence(KpiJobLauncher.JAVA_OPTIONS)
                .endsWith("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + module.resolve(KpiJobLauncher.COMPILER_DIRECTIVES).toAbsolutePath());
    }

    @Test
    void aNewerJdkGetsTheOptionsSparkNeedsThere() {
        Path target = tmp.resolve("target");
        assertThat(new KpiJobLauncher(target, Optional.empty(), new JavaRuntimes.JavaRuntime(tmp, 25, "Temurin 25")).javaOptions())
                .contains("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "--add-opens=java.base/java.nio=ALL-UNNAMED")
                .as("a package Java 24 removed").doesNotContain("--add-opens=java.base/sun.security.action=ALL-UNNAMED");
        assertThat(new KpiJobLauncher(target, Optional.empty(), new JavaRuntimes.JavaRuntime(tmp, 17, "OpenJDK 17")).javaOptions())
                .as("Java 17 knows neither option and would not start").containsExactlyElementsOf(withCollector(KpiJobLauncher.JAVA_OPTIONS));
    }

    private static List<String> withCollector(List<String> options) {
        List<String> all = new ArrayList<>(options);
        all.add(KpiJobLauncher.COLLECTOR);
        return all;
    }

    @Test
    void theCheckedInCompilerDirectivesAreOnesTheJobsJvmStartsWith() throws Exception {
        // A JVM refuses to start on a directives file it cannot parse: the KPI job would never run.
        Path directives = Path.of("../kpi").resolve(KpiJobLauncher.COMPILER_DIRECTIVES).toAbsolutePath().normalize();
        Process jvm = new ProcessBuilder(JavaRuntimes.kpiJob(Environment.fromSystem()).java().toString(), "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompilerDirectivesFile=" + directives, "-XX:+CompilerDirectivesPrint", "-version").redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(jvm.waitFor()).as(output).isZero();
        assertThat(output).contains("1 compiler directives added", "matching: org/apache/spark/sql/catalyst/expressions/GeneratedClass*.*");
    }

    @Test
    void anUnbuiltJobSaysHowToBuildIt() {
        assertThatThrownBy(() -> new KpiJobLauncher(tmp, Optional.empty(), JavaRuntimes.current()).classpath()).hasMessageContaining("mvn -DskipTests package");
        assertThatThrownBy(() -> new KpiJobLauncher(tmp, Optional.of("  "), JavaRuntimes.current()).classpath()).as("a blank classpath is none")
                .hasMessageContaining("not built");
    }

    @Test
    void theRequestIsTheJobsCommandLine() {
        assertThat(new KpiJobRequest("/w", "2024Q3", true, "local[*]", new ReportingRules(10, java.util.List.of("130000", "140000")), "6g").arguments())
                .containsExactly("--warehouse", "/w", "--master", "local[*]", "--deadline-days", "10", "--reporting-scope", "130000,140000",
                        "--periods", "2024Q3", "--full");
        assertThat(KpiJobRequest.incremental("/w", "local[2]", ReportingRules.DEFAULT, "2g").arguments())
                .containsExactly("--warehouse", "/w", "--master", "local[2]", "--deadline-days", "15", "--reporting-scope", "000000");
    }
}
