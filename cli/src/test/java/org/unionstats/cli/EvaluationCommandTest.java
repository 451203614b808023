package org.unionstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.environment.Environment;
import org.unionstats.testing.FixtureCity;
import picocli.CommandLine;

/**
 * {@code bin/unionstats evaluation} on the fixture city for 2024. The fixture has no annual target, no 2024Q4 scorecard and
 * no ledger item, so only the reporting part applies: 2024Q3's required reports on time, 10 × on time / expected, and the
 * total 100 × points / 10: 海港区 3/3 → 10.0 → 100.0; 山海关区 1/3 → 3.3 → 33.3; 卢龙县 0/3 → 0.0; 北戴河新区 3/3 → 100.0.
 */
class EvaluationCommandTest {

    @TempDir
    static Path tmp;

    static String warehouse;

    private record Outcome(int code, String out, String err) {}

    @BeforeAll
    static void fixture() throws Exception {
        FixtureCity.write(tmp.resolve("warehouse"));
        warehouse = tmp.resolve("warehouse").toString();
    }

    private static Outcome run(String... args) {
        CliContext context = new CliContext(new Environment(tmp, tmp.resolve("state"), Map.of()), Optional.empty(), "", false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = UnionStats.commandLine(context);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            int code = cli.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void printsAndWritesTheEvaluationOfEachCountyLevelUnit() throws Exception {
        Path out = tmp.resolve("evaluation");
        Outcome outcome = run("evaluation", "--warehouse", warehouse, "--city", "130300", "--year", "2024", "--out", out.toString());
        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.out()).startsWith("yearly evaluation of city 130300, 2024 (")
                .contains(tmp.resolve("warehouse/county_evaluation/period=2024/130300.parquet").toString());
        assertThat(Files.readAllLines(out.resolve("evaluation-130300-2024.csv"))).containsExactly(
                "county_code,county_name,targets,target_score,kpis_ranked,rank_score,items_due,items_closed,follow_up_score,"
                        + "reports_expected,reports_on_time,reporting_score,total_score,rank_in_city",
                "130302,海港区,0,—,0,—,0,0,—,3,3,10.0,100.0,1",
                "130303,山海关区,0,—,0,—,0,0,—,3,1,3.3,33.3,3",
                "130324,卢龙县,0,—,0,—,0,0,—,3,0,0.0,0.0,4",
                "130372,北戴河新区,0,—,0,—,0,0,—,3,3,10.0,100.0,1");
    }

    @Test
    void aWrongCallSaysWhatIsWrong() {
        assertBadArguments(run("evaluation", "--warehouse", warehouse, "--city", "130300", "--year", "24"), "--year: give a year such as 2024");
        assertBadArguments(run("evaluation", "--warehouse", tmp.resolve("nowhere").toString(), "--city", "130300", "--year", "2024"),
                "--warehouse: no warehouse folder");
        Outcome unknown = run("evaluation", "--warehouse", warehouse, "--city", "999999", "--year", "2024");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no county-level unit of 999999").doesNotContain("Exception");
    }

    private static void assertBadArguments(Outcome outcome, String message) {
        assertThat(outcome.code()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("unionstats: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
