package org.unionstats.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.cli.CliContext;
import org.unionstats.environment.Environment;
import org.unionstats.kpis.ReportingRules;
import org.unionstats.letters.delivery.DeliveryConfig;
import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.runs.KpiStep;
import org.unionstats.runs.LineageEvents;
import org.unionstats.runs.LogFormat;
import org.unionstats.runs.RunPipeline.Stage;
import org.unionstats.runs.RunSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.unionstats.ingest.IngestLimits;

class RunOptionsTest {

    @TempDir
    Path tmp;

    @Command(name = "test")
    static final class Holder {
        @Mixin
        RunOptions options;
    }

    private RunSettings settings(Map<String, String> variables, boolean terminal, String... args) {
        RunOptions options = CommandLine.populateCommand(new Holder(), args).options;
        CliContext context = new CliContext(new Environment(tmp, tmp.resolve("state"), variables), Optional.empty(), "", terminal);
        return options.settings(context, List.of());
    }

    private RunSettings settings(String... args) {
        return settings(Map.of(), false, args);
    }

    @Test
    void lettersGoToTheOutboxBesideTheWarehouseUnlessToldOtherwise() throws Exception {
        RunSettings plain = settings("--inbox", "in", "--warehouse", tmp.resolve("w").toString());
        assertThat(plain.delivery().outbox()).isEqualTo(tmp.resolve("outbox"));
        assertThat(plain.delivery().config()).isEqualTo(DeliveryConfig.outboxOnly());

        Path file = Files.writeString(tmp.resolve("delivery.yaml"), "cities: {\"130300\": {counties: {\"130302\": [zgh@hg.example.cn]}}}");
        RunSettings configured = settings("--inbox", "in", "--warehouse", tmp.resolve("w").toString(), "--outbox", tmp.resolve("letters").toString(),
                "--delivery-config", file.toString());
        assertThat(configured.delivery().outbox()).isEqualTo(tmp.resolve("letters"));
        assertThat(configured.delivery().config().cities().get("130300").to("130302")).containsExactly("zgh@hg.example.cn");
    }

    @Test
    void anSmtpPasswordVariableNotSetIsRefusedBeforeTheRun() throws Exception {
        Path file = Files.writeString(tmp.resolve("smtp.yaml"),
                "smtp: {host: smtp.example.cn, sender: zhidao@example.cn, username: zhidao@example.cn, password_env: QHD_SMTP_PASSWORD}");
        String[] args = {"--inbox", "in", "--warehouse", "w", "--delivery-config", file.toString()};
        assertThatThrownBy(() -> settings(args)).isInstanceOf(UnionStatsException.class)
                .hasMessageContaining("environment variable QHD_SMTP_PASSWORD is not set");
        RunSettings s = settings(Map.of("QHD_SMTP_PASSWORD", "s3cret"), false, args);
        assertThat(s.delivery().config().smtp()).isPresent();
        assertThat(s.delivery().toString()).doesNotContain("s3cret");
    }

    @Test
    void theCommandLineBecomesTypedSettings() {
        RunSettings s = settings("--inbox", "in", "--warehouse", tmp.resolve("w/../w").toString(), "--period", "2024Q3", "--stages",
                "ingest,kpi", "--wait", "10m", "--max-quarantine-share", "0.2");
        assertThat(s.warehouse()).isEqualTo(tmp.resolve("w"));
        assertThat(s.selection().label()).isEqualTo("2024Q3");
        assertThat(s.stages()).containsExactlyInAnyOrder(Stage.INGEST, Stage.KPI);
        assertThat(s.lockWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.gate().maxQuarantineShare()).isEqualTo(0.2);
        assertThat(s.kpi()).isEqualTo(new KpiStep(Environment.LOCAL_SPARK_MASTER, Environment.JOB_HEAP, ReportingRules.DEFAULT));
        assertThat(s.pseudonymKey()).hasSize(32);
        assertThat(tmp.resolve("state/pseudonym.key")).exists();
        assertThat(settings("--inbox", "in", "--warehouse", "w", "--wait").lockWait()).as("--wait alone").isEqualTo(Duration.ofHours(1));
        assertThat(settings("--inbox", "in", "--warehouse", "w").lockWait()).isZero();
    }

    @Test
    void theIngestLimitsAreOptionsOfTheRunToo() {
        RunSettings s = settings("--inbox", "in", "--warehouse", "w", "--max-rows", "500", "--max-file-mib", "2",
                "--seconds-per-file", "30");
        assertThat(s.limits().maxRows()).isEqualTo(500);
        assertThat(s.limits().maxFileBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(s.limits().timePerFile()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.limits().maxColumns()).as("left out: the default").isEqualTo(IngestLimits.defaults().maxColumns());
        assertThatThrownBy(() -> settings("--inbox", "in", "--warehouse", "w", "--max-rows", "0"))
                .isInstanceOf(UnionStatsException.class)
                .satisfies(e -> assertThat(((UnionStatsException) e).exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS));
    }

    @Test
    void autoLogsAreTextWithALiveLineOnATerminalAndJsonElsewhere() {
        RunSettings terminal = settings(Map.of(), true, "--inbox", "in", "--warehouse", "w");
        assertThat(terminal.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(terminal.liveProgress()).isTrue();
        RunSettings cron = settings(Map.of(), false, "--inbox", "in", "--warehouse", "w");
        assertThat(cron.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(cron.structuredLog()).isTrue();
        RunSettings textOnCron = settings(Map.of(), false, "--inbox", "in", "--warehouse", "w", "--log-format", "text");
        assertThat(textOnCron.liveProgress()).isFalse();
    }

    @Test
    void lineageComesFromTheOptionsElseTheEnvironment() {
        Path file = tmp.resolve("lineage.jsonl");
        assertThat(settings(Map.of("UNIONSTATS_LINEAGE_FILE", file.toString()), false, "--inbox", "in", "--warehouse", "w").lineage().file())
                .isEqualTo(file);
        RunSettings both = settings(Map.of("UNIONSTATS_LINEAGE_FILE", file.toString()), false, "--inbox", "in", "--warehouse", "w",
                "--lineage-url", "http://marquez:5000");
        assertThat(both.lineage().url()).as("an option wins over the environment").isEqualTo(URI.create("http://marquez:5000"));
        assertThat(both.lineage().file()).isNull();
        assertThat(settings("--inbox", "in", "--warehouse", "w").lineage().events()).isSameAs(LineageEvents.NONE);
    }

    @Test
    void badValuesAreBadArguments() {
        assertThatThrownBy(() -> settings("--inbox", "in", "--warehouse", "w", "--period", "2024Q3", "--from", "2024Q1", "--to", "2024Q2"))
                .isInstanceOfSatisfying(UnionStatsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS))
                .hasMessageContaining("either --period or --from/--to");
        assertThatThrownBy(() -> settings(Map.of("UNIONSTATS_LINEAGE_URL", "http://a b"), false, "--inbox", "in", "--warehouse", "w"))
                .isInstanceOfSatisfying(UnionStatsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS));
    }

    @Test
    void waitDurationsReadAsPeopleWriteThem() {
        assertThat(RunOptions.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(RunOptions.parseDuration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(RunOptions.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(RunOptions.parseDuration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> RunOptions.parseDuration("soon")).hasMessageContaining("not a duration");
    }
}
