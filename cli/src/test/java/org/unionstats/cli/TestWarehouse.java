package org.unionstats.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.unionstats.files.FileTrees;
import org.unionstats.period.Period;

/**
 * A small real warehouse for the integration tests: the tiny sample (秦皇岛, 2024Q2 and 2024Q3)
 * generated, ingested and run through the KPI job by the CLI's own commands, its 2024Q2 letters issued, one item
 * of them answered and its counties evaluated for 2024. The 2024Q3 submissions are held back so a test can deliver them later with 'run'.
 */
final class TestWarehouse {

    static final String FIRST = "2024Q2";
    static final String LATER = "2024Q3";

    /** The checkout, as Maven gives it to the tests. */
    static final Path ROOT = Path.of(System.getProperty("unionstats.root", ".")).toAbsolutePath().normalize();
    /** This module's build folder, where the integration tests keep their state and data. */
    static final Path TARGET = ROOT.resolve("cli/target");

    final Path root;
    final Path inbox;
    final Path heldBack;
    final Path warehouse;

    TestWarehouse(Path root) {
        this.root = root;
        this.inbox = root.resolve("inbox");
        this.heldBack = root.resolve("held-back");
        this.warehouse = root.resolve("warehouse");
    }

    /**
     * What the commands of a test get, as bin/unionstats would give it with this state folder: the
     * checkout, the folder, and this process's environment variables (without a UNIONSTATS_HOME of
     * whoever runs the tests: the state folder is the test's).
     */
    static CliContext context(Path state) {
        java.util.Map<String, String> variables = new java.util.HashMap<>(System.getenv());
        variables.remove("UNIONSTATS_HOME");
        return new CliContext(new org.unionstats.environment.Environment(ROOT, state, variables),
                java.util.Optional.ofNullable(System.getProperty("unionstats.kpi.classpath")), System.getProperty("java.class.path"), false);
    }

    static TestWarehouse build(Path root, CliContext context) throws IOException {
        deleteTree(root);
        TestWarehouse w = new TestWarehouse(root);
        cli(context, "generate", "--out", w.inbox.toString(), "--scale", "tiny", "--periods", FIRST + ".." + LATER);
        w.holdBack(LATER);
        // Loaded as an archive with its arrival log; 秦皇岛's county-level units owe the reports.
        cli(context, "ingest", "--inbox", w.inbox.toString(), "--warehouse", w.warehouse.toString(),
                "--arrivals", w.inbox.resolve(org.unionstats.samples.GenerationSummary.ARRIVALS_FILE_NAME).toString());
        cli(context, "kpi", "--warehouse", w.warehouse.toString(), "--heap", "3g", "--reporting-scope", "130300");
        // 秦皇岛 issues its 2024Q2 letters (their items go to the ledger) and 海港区 answers the first item of its letter.
        cli(context, "letter", "--warehouse", w.warehouse.toString(), "--city", "130300", "--period", FIRST, "--format", "md",
                "--out", root.resolve("letters").toString(), "--issue");
        Path feedback = Files.createDirectories(w.inbox.resolve("130302").resolve(FIRST)).resolve("意见反馈.csv");
        Files.writeString(feedback, "事项编号,办理状态,反馈内容\n" + FIRST + "-130302-01,已办结,已按要求落实，全面完成。\n", StandardCharsets.UTF_8);
        cli(context, "ingest", "--inbox", w.inbox.toString(), "--warehouse", w.warehouse.toString());
        cli(context, "evaluation", "--warehouse", w.warehouse.toString(), "--city", "130300", "--year", "2024");
        return w;
    }

    /** Moves every submitter's folder of that period out of the inbox. */
    private void holdBack(String period) throws IOException {
        try (Stream<Path> dirs = Files.walk(inbox, 2)) {
            for (Path dir : dirs.filter(p -> Files.isDirectory(p) && inbox.relativize(p).getNameCount() == 2).toList()) {
                if (isPeriod(dir.getFileName().toString(), period)) {
                    Path target = heldBack.resolve(inbox.relativize(dir));
                    Files.createDirectories(target.getParent());
                    Files.move(dir, target);
                }
            }
        }
    }

    /** Puts the held-back submissions into the inbox. */
    void deliverHeldBack() throws IOException {
        try (Stream<Path> dirs = Files.walk(heldBack, 2)) {
            for (Path dir : dirs.filter(p -> Files.isDirectory(p) && heldBack.relativize(p).getNameCount() == 2).toList()) {
                Path target = inbox.resolve(heldBack.relativize(dir));
                Files.createDirectories(target.getParent());
                Files.move(dir, target);
            }
        }
    }

    private static boolean isPeriod(String folder, String period) {
        try {
            return Period.parse(folder).canonical().equals(period);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Runs a CLI command in this JVM with the given context; returns its standard output; fails on a non-zero exit. */
    static String cli(CliContext context, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = UnionStats.commandLine(context).execute(args);
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        if (code != 0) {
            throw new AssertionError("bin/unionstats " + String.join(" ", args) + " exited with " + code + ":\n" + text);
        }
        return text;
    }

    static void deleteTree(Path path) {
        FileTrees.deleteRecursively(path);
    }
}
