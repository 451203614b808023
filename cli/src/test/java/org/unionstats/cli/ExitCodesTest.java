package org.unionstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.environment.Environment;
import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.runs.LockHolder;
import org.unionstats.runs.WarehouseLock;
import picocli.CommandLine;

/**
 * The exception's type decides the exit code: bad arguments 2, busy 4, refused 3, anything else 1,
 * each as one line; 'status' of a local server that is not running is 5.
 */
class ExitCodesTest {

    @TempDir
    Path tmp;

    private record Outcome(int code, String out, String err) {}

    private Outcome run(Map<String, String> variables, String... args) {
        CliContext context = new CliContext(new Environment(tmp, tmp.resolve("state"), variables), Optional.empty(), "", false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        // Before the command line is built: picocli's execution strategy keeps the System.out of that moment for help.
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = UnionStats.commandLine(context);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            int code = cli.execute(args);
            cli.getOut().flush();
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private Outcome run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void valuesACommandCannotReadAreBadArguments() {
        String warehouse = tmp.resolve("warehouse").toString();
        String inbox = tmp.resolve("inbox").toString();
        assertBadArguments(run("runs", "--warehouse", warehouse, "--last", "0"), "--last must be at least 1");
        assertBadArguments(run("kpis", "--warehouse", warehouse, "--org", "130300", "--period", "2024Q5"), "2024Q5");
        assertBadArguments(run("scorecard", "--warehouse", warehouse, "--city", "130300", "--period", "2024Q9"), "2024Q9");
        assertBadArguments(run("generate", "--out", tmp.resolve("out").toString(), "--scale", "huge"), "huge");
        assertBadArguments(run("generate", "--out", tmp.resolve("out").toString(), "--region", "999999"), "unknown region scope 999999");
        assertBadArguments(run("bench", "everything"), "unknown benchmark 'everything'");
        assertBadArguments(run("run", "--inbox", inbox, "--warehouse", "s3://bucket/warehouse"), "local warehouse folder");
        assertBadArguments(run("run", "--inbox", inbox, "--warehouse", warehouse, "--wait", "soon"), "not a duration");
        assertBadArguments(run("run", "--inbox", inbox, "--warehouse", warehouse, "--log-format", "xml"), "--log-format");
        assertBadArguments(run("run", "--inbox", inbox, "--warehouse", warehouse, "--stages", "kpi,report"), "'report' is not a stage");
        assertBadArguments(run("run", "--inbox", inbox, "--warehouse", warehouse, "--max-quarantine-share", "20"), "between 0 and 1");
        assertBadArguments(run("run", "--inbox", inbox, "--warehouse", warehouse, "--from", "2024Q3"), "both --from and --to");
        assertBadArguments(run("run", "--inbox", inbox, "--warehouse", warehouse, "--lineage-url", "http://marquez:5000",
                "--lineage-file", tmp.resolve("l.jsonl").toString()), "either --lineage-url or --lineage-file");
        assertBadArguments(run("run", "--inbox", inbox, "--warehouse", warehouse, "stray"), "unexpected argument 'stray'");
        assertBadArguments(run("backfill", "--inbox", inbox, "--warehouse", warehouse, "--period", "2024Q3"), "backfill needs --from and --to");
        assertBadArguments(run("ingest", "--inbox", inbox, "--warehouse", warehouse, "--noSuchBeamOption=1"), "noSuchBeamOption");
        assertBadArguments(run(Map.of("UNIONSTATS_PSEUDONYM_KEY", "not base64!"), "ingest", "--inbox", inbox, "--warehouse", warehouse),
                "UNIONSTATS_PSEUDONYM_KEY is not base64");
        assertThat(tmp.resolve("warehouse")).as("nothing was run").doesNotExist();
    }

    @Test
    void theServingCommandsAreSubcommandsWithTheirOwnOptions() {
        Outcome help = run("trino", "start", "--help");
        assertThat(help.out()).as(help.code() + " " + help.err()).contains("--port", "--http-port", "--heap");
        assertThat(run("trino", "status", "--help").out()).contains("--port").doesNotContain("--heap");
        assertThat(run("superset", "start", "--help").out()).contains("--port");
        assertThat(run("dashboards", "check", "--help").code()).isZero();
        for (String[] unknown : List.of(new String[] {"trino", "restart"}, new String[] {"superset", "reload"},
                new String[] {"dashboards", "publish"})) {
            Outcome outcome = run(unknown);
            assertThat(outcome.code()).as(String.join(" ", unknown)).isEqualTo(2);
            assertThat(outcome.err()).contains("'" + unknown[1] + "'").doesNotContain("Exception");
        }
        assertThat(run("trino").code()).as("a subcommand is required").isEqualTo(2);
        assertThat(run("trino").err()).contains("Missing required subcommand");
        assertThat(tmp.resolve("state/trino")).as("nothing was set up").doesNotExist();
    }

    @Test
    void badServingOptionsAreBadArguments() {
        assertBadArguments(run("query", "--json", "--csv", "SELECT 1"), "choose one of --json and --csv");
        assertBadArguments(run("query", "--user", "root", "SELECT 1"), "--user: 'root' is none of admin, pipeline, analyst");
        assertBadArguments(run("query", "--max-rows", "0", "SELECT 1"), "--max-rows must be at least 1");
        assertBadArguments(run("trino", "start", "--heap", "lots"), "--heap: 'lots' is not a heap size");
        assertBadArguments(run("trino", "start", "--port", "70000"), "is not a port");
        assertBadArguments(run("trino", "start", "--port", "9000", "--http-port", "9000"), "--port and --http-port must differ");
        assertBadArguments(run("superset", "start", "--port", "0"), "is not a port");
        assertBadArguments(run("publish", "--warehouse", tmp.resolve("no-such-warehouse").toString()), "no warehouse folder");
        assertThat(tmp.resolve("state/trino")).as("nothing was set up").doesNotExist();
    }

    @Test
    void statusOfAServerThatIsNotRunningIsExitCodeFive() {
        Outcome trino = run("trino", "status");
        assertThat(trino.code()).as(trino.err()).isEqualTo(ExitCode.NOT_RUNNING.code()).isEqualTo(5);
        assertThat(trino.out()).containsIgnoringCase("not running");
        Outcome superset = run("superset", "status");
        assertThat(superset.code()).as(superset.err()).isEqualTo(5);
        assertThat(superset.out()).contains("Superset is not running");
        assertThat(run("trino", "stop").out()).contains("Trino was not running");
        assertThat(run("trino", "stop").code()).isZero();
    }

    @Test
    void aServerThatIsNotRunningMakesQueryFailInOneLine() {
        Outcome query = run("query", "SELECT 1");
        assertThat(query.code()).isEqualTo(1);
        assertThat(query.err()).startsWith("unionstats query failed: ").contains("trino start").doesNotContain("Exception");
        Outcome deploy = run("dashboards", "deploy");
        assertThat(deploy.code()).isEqualTo(1);
        assertThat(deploy.err()).startsWith("unionstats dashboards deploy failed: ").contains("superset start");
    }

    @Test
    void aMissingPseudonymKeyOutsideTheEmbeddedDefaultIsAFailureNotANewKey() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        String warehouse = tmp.resolve("warehouse").toString();
        Path named = tmp.resolve("keys/pseudonym.key");
        Outcome outcome = run("ingest", "--inbox", inbox.toString(), "--warehouse", warehouse, "--pseudonym-key-file", named.toString());
        assertThat(outcome.code()).as(outcome.err()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("unionstats ingest failed: no pseudonym key: " + named).contains("UNIONSTATS_PSEUDONYM_KEY");
        assertThat(named).doesNotExist();

        Outcome elsewhere = run(Map.of("UNIONSTATS_HOME", tmp.resolve("state").toString()), "run", "--inbox", inbox.toString(),
                "--warehouse", warehouse);
        assertThat(elsewhere.code()).as(elsewhere.err()).isEqualTo(1);
        assertThat(elsewhere.err()).contains("no pseudonym key: " + tmp.resolve("state/pseudonym.key"));
        assertThat(tmp.resolve("state/pseudonym.key")).doesNotExist();
        assertThat(tmp.resolve("warehouse")).as("nothing was run").doesNotExist();
    }

    private static void assertBadArguments(Outcome outcome, String message) {
        assertThat(outcome.code()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("unionstats: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aBusyWarehouseIsExitCodeFourNamingTheHolder() {
        Path warehouse = tmp.resolve("warehouse");
        try (WarehouseLock held = WarehouseLock.acquire(warehouse, LockHolder.thisProcess("scheduled", "run --period 2024Q3", Instant.now()),
                Duration.ZERO, m -> { })) {
            Outcome outcome = run("kpi", "--warehouse", warehouse.toString());
            assertThat(outcome.code()).isEqualTo(4);
            assertThat(outcome.err()).startsWith("unionstats kpi: ").contains("in use by run scheduled", "--wait").doesNotContain("Exception");
        }
    }

    @Test
    void theCommandsGetTheContextsEnvironment() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Outcome outcome = run("ingest", "--inbox", inbox.toString(), "--warehouse", tmp.resolve("warehouse").toString());
        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("nothing new: 0 file(s)");
        assertThat(tmp.resolve("state/pseudonym.key")).as("the key of the context's state folder").exists();
    }

    @Test
    void everyOtherFailureIsExitCodeOneInOneLine() {
        CommandLine cli = UnionStats.commandLine(new CliContext(new Environment(tmp, tmp, Map.of()), Optional.empty(), "", false))
                .getSubcommands().get("kpi");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        ClearErrors errors = new ClearErrors();
        assertThat(errors.handleExecutionException(new IllegalArgumentException("the catalogue names no writer"), cli, null)).isEqualTo(1);
        assertThat(errors.handleExecutionException(new IllegalStateException(), cli, null)).isEqualTo(1);
        assertThat(errors.handleExecutionException(new UnionStatsException(ExitCode.REFUSED, "refused by the gate"), cli, null)).isEqualTo(3);
        assertThat(errors.handleExecutionException(UnionStatsException.badArguments("--org is not an org"), cli, null)).isEqualTo(2);
        assertThat(errors.handleExecutionException(new CommandLine.ParameterException(cli, "missing --warehouse"), cli, null)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "unionstats kpi failed: the catalogue names no writer",
                "unionstats kpi failed: IllegalStateException",
                "unionstats kpi: refused by the gate",
                "unionstats: --org is not an org",
                "unionstats: missing --warehouse");
    }
}
