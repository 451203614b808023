package org.unionstats.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.process.ChildProcess;
import org.unionstats.runs.RunHistory;
import org.unionstats.warehouse.runs.RunRecord;
import org.unionstats.warehouse.runs.RunStatus;

/**
 * The Airflow DAG (pipelines/runs/airflow/unionstats_dag.py) under a real Apache Airflow from PyPI, in a
 * virtualenv of its own (pipelines/runs/airflow/install.sh), with SQLite metadata: {@code airflow dags
 * test} runs one quarter of the tiny sample through its ingest, kpi and publish tasks, each calling
 * bin/unionstats; a refusal by the data-quality gate fails the ingest task at once, without retry,
 * and reaches the failure callback.
 */
class AirflowDagIT {

    static final Path ROOT = Path.of(System.getProperty("unionstats.root", ".")).toAbsolutePath().normalize();

    @TempDir
    static Path tmp;

    static Path venv;
    static Path inbox;
    /** A fixed test key (32 bytes, base64). */
    static final String PSEUDONYM_KEY = java.util.Base64.getEncoder().encodeToString("unionstats-airflow-test-key-0032".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII));

    @BeforeAll
    static void installAirflowAndASample() throws Exception {
        ProcessResult install = exec(List.of("bash", ROOT.resolve("pipelines/runs/airflow/install.sh").toString()), Map.of(), 1200);
        assertThat(install.code()).as("installing Airflow from PyPI:\n" + install.output()).isZero();
        List<String> lines = install.output().lines().toList();
        venv = Path.of(lines.get(lines.size() - 1).strip());
        inbox = tmp.resolve("inbox");
        try (CliProcess generate = CliProcess.start(tmp.resolve("state"), "generate", "--out", inbox.toString(), "--scale", "tiny",
                "--periods", "2024Q3")) {
            assertThat(generate.waitFor(java.time.Duration.ofMinutes(5))).as(generate.err()).isZero();
        }
    }

    @Test
    void oneQuarterRunsThroughEveryStageTask() throws Exception {
        Path warehouse = tmp.resolve("warehouse");
        Map<String, String> env = airflowEnv("ok", warehouse, "--kpi-heap 2g --master local[2]");
        ProcessResult migrate = airflow(env, "db", "migrate");
        assertThat(migrate.code()).as(migrate.output()).isZero();
        ProcessResult list = airflow(env, "dags", "list");
        assertThat(list.output()).contains("unionstats_monthly", "unionstats_quarterly");

        ProcessResult test = airflow(env, "dags", "test", "unionstats_quarterly", "2024-10-01");
        assertThat(test.code()).as(test.output()).isZero();
        assertThat(test.output()).contains("--period 2024Q3 --stages ingest", "--period 2024Q3 --stages kpi", "--period 2024Q3 --stages publish");

        List<RunRecord> runs = new RunHistory(warehouse).all();
        assertThat(runs).extracting(RunRecord::periods).containsOnly("2024Q3");
        assertThat(runs).extracting(RunRecord::arguments).satisfiesExactly(
                a -> assertThat(a).contains("--stages ingest"), a -> assertThat(a).contains("--stages kpi"),
                a -> assertThat(a).contains("--stages publish"));
        assertThat(runs).extracting(RunRecord::status).containsOnly(RunStatus.SUCCESS);
        assertThat(runs.get(0).filesNew()).isPositive();
        assertThat(runs.get(1).kpiPeriodsWritten()).contains("2024Q3");
        assertThat(warehouse.resolve("kpi_values/period=2024Q3")).isDirectory();
        assertThat(env.get("UNIONSTATS_ALERT_FILE")).satisfies(f -> assertThat(Path.of(f)).doesNotExist());
    }

    @Test
    void aRefusalByTheGateFailsTheTaskWithoutRetryAndAlerts() throws Exception {
        Path warehouse = tmp.resolve("refused");
        Map<String, String> env = airflowEnv("refused", warehouse, "--max-quarantine-share 0.001 --gate-min-rows 1");
        assertThat(airflow(env, "db", "migrate").code()).isZero();
        airflow(env, "dags", "test", "unionstats_quarterly", "2024-10-01");

        Path alerts = Path.of(env.get("UNIONSTATS_ALERT_FILE"));
        assertThat(alerts).exists();
        String alert = Files.readString(alerts);
        assertThat(alert).contains("\"task_id\": \"ingest\"", "input refused by the data-quality gate", "\"try_number\": 1");
        assertThat(alert.lines()).hasSize(1);
        assertThat(new RunHistory(warehouse).all()).extracting(RunRecord::status).containsExactly(RunStatus.REFUSED);
        assertThat(warehouse.resolve("kpi_values")).doesNotExist();
    }

    private static Map<String, String> airflowEnv(String name, Path warehouse, String runArgs) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("airflow-" + name));
        Map<String, String> env = new HashMap<>();
        env.put("AIRFLOW_HOME", home.toString());
        env.put("AIRFLOW__CORE__DAGS_FOLDER", ROOT.resolve("pipelines/runs/airflow").toString());
        env.put("AIRFLOW__CORE__LOAD_EXAMPLES", "False");
        env.put("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "sqlite:///" + home.resolve("airflow.db"));
        env.put("AIRFLOW__CORE__EXECUTOR", "SequentialExecutor");
        env.put("UNIONSTATS_INBOX", inbox.toString());
        env.put("UNIONSTATS_WAREHOUSE", warehouse.toString());
        env.put("UNIONSTATS_RUN_ARGS", runArgs);
        env.put("UNIONSTATS_ALERT_FILE", home.resolve("alerts.jsonl").toString());
        env.put("UNIONSTATS_HOME", tmp.resolve("state").toString());
        // A state folder of its own is not the embedded default: the key comes from the environment, as in production.
        env.put("UNIONSTATS_PSEUDONYM_KEY", PSEUDONYM_KEY);
        env.put("UNIONSTATS_SKIP_BUILD", "1");
        env.put("UNIONSTATS_JAVA_OPTS", "-Xmx1g");
        return env;
    }

    private static ProcessResult airflow(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(venv.resolve("bin/airflow").toString()));
        command.addAll(List.of(args));
        return exec(command, env, 900);
    }

    record ProcessResult(int code, String output) {}

    /** Runs a command to its end, stdout and stderr as one output (all of it: the assertions look for early lines too). */
    static ProcessResult exec(List<String> command, Map<String, String> env, long timeoutSeconds) {
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        ChildProcess.Result result = ChildProcess.of(command).environment(env).mergeErrors().onStdout(output::add)
                .timeout(Duration.ofSeconds(timeoutSeconds)).run();
        String text = String.join("\n", output);
        if (result.timedOut()) {
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + text);
        }
        return new ProcessResult(result.exitCode(), text);
    }
}
