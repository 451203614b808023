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

/** {@code bin/unionstats letter} on the fixture city: its arguments, its files, and what it says when a call is wrong. */
class LetterCommandTest {

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
    void writesALetterPerCountyLevelUnitAndNamesTheFiles() throws Exception {
        Path out = tmp.resolve("letters-md");
        Outcome outcome = run("letter", "--warehouse", warehouse, "--city", "130300", "--period", "2024q3", "--format", "md",
                "--out", out.toString(), "--date", "2024-10-15");
        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("4 md file(s) of city 130300, 2024Q3", "2024Q3-130302-海港区-季度指导书.md",
                "2024Q3-130324-卢龙县-季度指导书.md");
        assertThat(Files.readString(out.resolve("2024Q3-130302-海港区-季度指导书.md"))).contains("2024年10月15日", "本季度数据质量检查发现2条问题");
    }

    @Test
    void anIssuedLetterIsRenderedAsIssuedLater() throws Exception {
        // A warehouse of its own: issuing changes what the letters of its quarter render.
        Path issued = tmp.resolve("issued-warehouse");
        FixtureCity.write(issued);
        Outcome first = run("letter", "--warehouse", issued.toString(), "--city", "130300", "--period", "2024Q3", "--format", "md",
                "--out", tmp.resolve("issued").toString(), "--date", "2024-10-15", "--issue");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(issued.resolve("letters_issued/period=2024Q3")).isNotEmptyDirectory();
        assertThat(issued.resolve("letter_figures/period=2024Q3")).isNotEmptyDirectory();

        Path later = tmp.resolve("later");
        Outcome again = run("letter", "--warehouse", issued.toString(), "--city", "130300", "--period", "2024Q3", "--format", "md",
                "--out", later.toString(), "--date", "2024-11-02");
        assertThat(again.code()).as(again.err()).isZero();
        // Signed on the 15th of October when issued, whatever --date says now.
        assertThat(Files.readString(later.resolve("2024Q3-130302-海港区-季度指导书.md")))
                .isEqualTo(Files.readString(tmp.resolve("issued/2024Q3-130302-海港区-季度指导书.md"))).contains("2024年10月15日");
    }

    @Test
    void pdfIsTheDefault() {
        Path out = tmp.resolve("letters-pdf");
        Outcome outcome = run("letter", "--warehouse", warehouse, "--city", "130300", "--period", "2024Q3", "--out", out.toString());
        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(out.resolve("2024Q3-130372-北戴河新区-季度指导书.pdf")).isNotEmptyFile();
    }

    @Test
    void anUnknownCityCodeSaysSoInOneLineWithExitCodeTwo() {
        Outcome outcome = run("letter", "--warehouse", warehouse, "--city", "999999", "--period", "2024Q3", "--out", tmp.resolve("x").toString());
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("unionstats: unknown city code 999999").contains("130300 (秦皇岛市)", "未知的地市代码")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void badArgumentsAreExitCodeTwo() {
        String out = tmp.resolve("x").toString();
        assertBadArguments(run("letter", "--warehouse", warehouse, "--city", "130302", "--period", "2024Q3", "--out", out),
                "130302 is a county-level unit (海港区)");
        assertBadArguments(run("letter", "--warehouse", warehouse, "--city", "130300", "--period", "2024H1", "--out", out),
                "the letters are quarterly");
        assertBadArguments(run("letter", "--warehouse", warehouse, "--city", "130300", "--period", "2024Q5", "--out", out), "2024Q5");
        assertBadArguments(run("letter", "--warehouse", warehouse, "--city", "130300", "--period", "2024Q3", "--format", "docx", "--out", out),
                "--format: 'docx' is none of pdf, xlsx, md");
        assertBadArguments(run("letter", "--warehouse", warehouse, "--city", "130300", "--period", "2024Q3", "--date", "15.10.2024", "--out", out),
                "--date: '15.10.2024' is not a date");
        assertBadArguments(run("letter", "--warehouse", tmp.resolve("nowhere").toString(), "--city", "130300", "--period", "2024Q3", "--out", out),
                "--warehouse: no warehouse folder");
        assertThat(tmp.resolve("x")).doesNotExist();
        // picocli's own word for a missing option, with the usage.
        Outcome missing = run("letter", "--warehouse", warehouse, "--period", "2024Q3", "--out", out);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--city=<city>'", "--format");
    }

    @Test
    void aQuarterWithoutKpisIsAFailureInOneLine() {
        Outcome outcome = run("letter", "--warehouse", warehouse, "--city", "130300", "--period", "2023Q1", "--out", tmp.resolve("y").toString());
        assertThat(outcome.code()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("unionstats letter failed: no KPIs of 秦皇岛市 (130300) in 2023Q1").contains("kpi")
                .doesNotContain("Exception");
    }

    private static void assertBadArguments(Outcome outcome, String message) {
        assertThat(outcome.code()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("unionstats: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
