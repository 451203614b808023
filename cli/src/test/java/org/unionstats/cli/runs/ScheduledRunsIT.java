package org.unionstats.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.errors.ExitCode;
import org.unionstats.runs.RunHistory;
import org.unionstats.warehouse.runs.RunRecord;
import org.unionstats.warehouse.runs.RunStatus;
import org.unionstats.testing.WarehouseComparison;

/**
 * Scheduled runs end to end, each in a JVM of its own as a scheduler starts them, on the tiny sample
 * (秦皇岛, 2024Q2..2024Q3): a backfill, a re-run that finds nothing changed, runs killed with SIGKILL
 * at several points that leave the tables as they were and are completed by the next run (compared
 * with the undisturbed backfill), a second writer refused, and the data-quality gate.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledRunsIT {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static Path state;
    static Path inbox;
    static Path reference;

    @BeforeAll
    static void backfillTheReference() throws Exception {
        state = tmp.resolve("state");
        inbox = tmp.resolve("inbox");
        reference = tmp.resolve("reference");
        try (CliProcess generate = CliProcess.start(state, "generate", "--out", inbox.toString(), "--scale", "tiny",
                "--periods", "2024Q2..2024Q3")) {
            assertThat(generate.waitFor(RUN_TIMEOUT)).as(generate.err()).isZero();
        }
        try (CliProcess backfill = backfill(reference, "--lineage-file", tmp.resolve("lineage.jsonl").toString())) {
            assertThat(backfill.waitFor(RUN_TIMEOUT)).as(backfill.err()).isZero();
            assertThat(backfill.out()).contains("backfill", "2024Q2: success", "2024Q3: success", "KPI periods written");
        }
    }

    private static CliProcess backfill(Path warehouse, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("backfill", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(),
                "--from", "2024Q2", "--to", "2024Q3", "--kpi-heap", "2g", "--master", "local[2]"));
        args.addAll(List.of(more));
        return CliProcess.start(state, args.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void theBackfillIsInTheHistoryTheLineageAndTheLogs() throws Exception {
        List<RunRecord> runs = new RunHistory(reference).all();
        assertThat(runs).extracting(RunRecord::periods).containsExactly("2024Q2", "2024Q3");
        assertThat(runs).extracting(RunRecord::status).containsOnly(RunStatus.SUCCESS);
        RunRecord q3 = runs.get(1);
        assertThat(q3.command()).isEqualTo("backfill");
        assertThat(q3.parentRunId()).isNotNull().isEqualTo(runs.get(0).parentRunId());
        assertThat(q3.rowsRead()).isEqualTo(q3.rowsAccepted() + q3.rowsDuplicates() + q3.rowsQuarantined()).isPositive();
        assertThat(q3.kpiPeriodsWritten()).contains("2024Q3", "2024-09", "2024H2", "2024");
        assertThat(q3.kpiPartitionsWritten()).isEqualTo(q3.kpiPeriodsWritten().size());
        assertThat(WarehouseComparison.rows(reference, "kpi_values")).isPositive();

        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(tmp.resolve("lineage.jsonl"))) {
            events.add(JSON.readTree(line));
        }
        assertThat(events).extracting(e -> e.path("eventType").asText()).containsExactly("START", "COMPLETE", "START", "COMPLETE");
        assertThat(events.get(3).path("outputs")).extracting(o -> o.path("name").asText())
                .contains(reference.resolve("kpi_values").toString(), reference.resolve("member_events").toString());
    }

    @Test
    @Order(2)
    void aRerunWithUnchangedInputDoesNothingButSaySo() throws Exception {
        try (CliProcess run = CliProcess.start(state, "run", "--inbox", inbox.toString(), "--warehouse", reference.toString(),
                "--period", "2024Q3", "--log-format", "json")) {
            assertThat(run.waitFor(RUN_TIMEOUT)).isZero();
            assertThat(run.out()).contains("2024Q3: unchanged", "nothing changed for 2024Q3");
            assertThat(run.err()).doesNotContain("KpiJob");
            List<JsonNode> logs = new ArrayList<>();
            for (String line : run.errLines()) {
                logs.add(JSON.readTree(line)); // every log line is one JSON object
            }
            assertThat(logs).anySatisfy(l -> {
                assertThat(l.path("level").asText()).isEqualTo("INFO");
                assertThat(l.path("formattedMessage").asText()).contains("nothing changed for 2024Q3");
                assertThat(l.path("kvpList").toString()).contains("\"stage\":\"check\"");
            });
        }
        RunRecord last = new RunHistory(reference).last(1).get(0);
        assertThat(last.status()).isEqualTo(RunStatus.UNCHANGED);
        assertThat(last.filesNew()).isZero();
        assertThat(last.filesUnchanged()).isPositive();
        assertThat(last.kpiPartitionsWritten()).isNull();
    }

    @Test
    @Order(3)
    void runsKilledAtAnyPointLeaveTheTablesAsTheyWereAndTheNextRunCompletes() throws Exception {
        Path warehouse = tmp.resolve("killed");

        // 1. Killed while the first period's ingest is planned: nothing is published.
        try (CliProcess first = backfill(warehouse, "--log-format", "json")) {
            first.awaitErr(l -> l.contains("plan:"), RUN_TIMEOUT);
            first.kill();
        }
        assertThat(WarehouseComparison.rows(warehouse, "member_events")).isZero();
        assertThat(WarehouseComparison.rows(warehouse, "ingest_receipts")).isZero();

        // 2. Killed while the KPI job of the second period runs; meanwhile a second writer is refused.
        try (CliProcess second = backfill(warehouse, "--log-format", "json")) {
            second.awaitErr(l -> l.contains("[kpi]") && l.contains("-2024Q3"), RUN_TIMEOUT);
            assertSecondWriterRefused(warehouse, second.pid());
            second.awaitErr(l -> l.contains("\"source\":\"spark\"") && l.contains("-2024Q3") && l.contains("KPI derivation"), RUN_TIMEOUT);
            Thread.sleep(2_000); // into the table writes, which follow the derivation (~15 s)
            second.kill();
            assertKpiJobEndsWithIt(warehouse);
        }

        // 3. The same backfill again: its first period finds the KPI work the killed run left (2024Q3's
        //    receipts are not in the KPI state yet) and completes it; the last period is then unchanged.
        try (CliProcess third = backfill(warehouse)) {
            assertThat(third.waitFor(RUN_TIMEOUT)).as(third.err()).isZero();
            assertThat(third.out()).contains("2024Q2: success", "0 new file(s)", "2024Q3: unchanged", "nothing changed for 2024Q3");
            assertThat(third.err()).contains("did not finish: recording it as abandoned");
        }
        WarehouseComparison.assertSameTables(reference, warehouse, Set.of(RunHistory.TABLE));
        assertThat(new RunHistory(warehouse).all()).extracting(RunRecord::status).containsExactlyInAnyOrder(
                RunStatus.ABANDONED, RunStatus.SUCCESS, RunStatus.ABANDONED, RunStatus.UNCHANGED, RunStatus.SUCCESS);
        try (var leftovers = Files.walk(warehouse)) {
            assertThat(leftovers.map(p -> warehouse.relativize(p).toString()))
                    .noneMatch(p -> p.startsWith("_staging") || p.startsWith("_publish/") || p.contains(".spark-staging"));
        }
    }

    private static void assertSecondWriterRefused(Path warehouse, long holderPid) throws Exception {
        try (CliProcess second = CliProcess.start(state, "run", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(),
                "--period", "2024Q3", "--log-format", "text")) {
            assertThat(second.waitFor(Duration.ofMinutes(2))).as(second.err()).isEqualTo(ExitCode.BUSY.code());
            assertThat(second.err()).contains("is in use by run", "pid " + holderPid, "backfill --inbox", "--wait").doesNotContain("Exception");
        }
    }

    /** The KPI job's JVM dies with the run that started it, so no writer outlives the lock. */
    private static void assertKpiJobEndsWithIt(Path warehouse) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            boolean alive = ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                    .map(c -> c.contains("DiesWithParent") && c.contains(warehouse.toString())).orElse(false));
            if (!alive) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the KPI job outlived the killed run");
    }

    @Test
    @Order(4)
    void theDataQualityGateRefusesWithADistinctExitCodeAndNamesTheCounties() throws Exception {
        Path warehouse = tmp.resolve("gated");
        try (CliProcess run = CliProcess.start(state, "run", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(),
                "--period", "2024Q2", "--max-quarantine-share", "0.001", "--gate-min-rows", "1")) {
            assertThat(run.waitFor(RUN_TIMEOUT)).as(run.err()).isEqualTo(ExitCode.REFUSED.code());
            assertThat(run.out()).contains("2024Q2: refused", "refused by the data-quality gate (quarantine share above 0.1%)");
            // Each county over the share is named with its code, name, period and share (which ones depends on the sample).
            assertThat(run.out()).containsPattern("1303\\d\\d \\p{IsHan}+ 2024Q2: \\d+\\.\\d% quarantined \\(\\d+ of [\\d,]+ rows\\)");
        }
        assertThat(WarehouseComparison.rows(warehouse, "kpi_values")).as("no KPIs for refused input").isZero();
        assertThat(WarehouseComparison.rows(warehouse, "quarantine")).as("the quarantine explains the refusal").isPositive();
        RunRecord refused = new RunHistory(warehouse).last(1).get(0);
        assertThat(refused.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.errorMessage()).containsPattern("1303\\d\\d \\p{IsHan}+ 2024Q2: \\d+\\.\\d% quarantined");

        try (CliProcess runs = CliProcess.start(state, "runs", "--warehouse", warehouse.toString(), "--json")) {
            assertThat(runs.waitFor(RUN_TIMEOUT)).isZero();
            JsonNode doc = JSON.readTree(runs.out());
            assertThat(doc.path("runs")).hasSize(1);
            assertThat(doc.path("runs").get(0).path("status").asText()).isEqualTo("refused");
        }
    }
}
