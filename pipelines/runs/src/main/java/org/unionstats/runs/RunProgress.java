package org.unionstats.runs;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.ingest.IngestProgress;

/**
 * What a run shows while it works: the stage, files, rows and elapsed time. On a terminal the
 * pipeline's counts rewrite one status line; otherwise every report is a log line with the
 * figures as key-value pairs (JSON fields with {@code --log-format json}).
 */
public final class RunProgress implements IngestProgress {

    private static final Logger LOG = LoggerFactory.getLogger("org.unionstats.run");

    private final boolean liveLine;
    private final PrintStream terminal;
    private final Instant started = Instant.now();
    private String runId = "";
    private String stage = "start";
    private boolean lineOpen;

    /**
     * @param liveLine rewrite one status line with the counts (a terminal and text logs), rather than log them
     * @param terminal where that line goes
     */
    public RunProgress(boolean liveLine, PrintStream terminal) {
        this.liveLine = liveLine;
        this.terminal = terminal;
    }

    public void runId(String runId) {
        this.runId = runId;
    }

    /** A new stage begins (lock, ingest, gate, kpi, publish, history). */
    public void stage(String stage, String message) {
        this.stage = stage;
        info(message);
    }

    public void info(String message) {
        closeLine();
        LOG.atInfo().addKeyValue("run_id", runId).addKeyValue("stage", stage).addKeyValue("elapsed_s", elapsed())
                .log("[{}] {}", stage, message);
    }

    public void warn(String message) {
        closeLine();
        LOG.atWarn().addKeyValue("run_id", runId).addKeyValue("stage", stage).addKeyValue("elapsed_s", elapsed())
                .log("[{}] {}", stage, message);
    }

    @Override
    public void message(String text) {
        info(text);
    }

    @Override
    public void checking(long filesDone, long filesTotal, long rowsRead, long elapsedSeconds) {
        if (liveLine) {
            terminal.printf("\r[%s] %,d/%,d files  %,d rows  %ds   ", stage, filesDone, filesTotal, rowsRead, elapsed());
            terminal.flush();
            lineOpen = true;
            return;
        }
        LOG.atInfo().addKeyValue("run_id", runId).addKeyValue("stage", stage).addKeyValue("files_done", filesDone)
                .addKeyValue("files_total", filesTotal).addKeyValue("rows_read", rowsRead).addKeyValue("elapsed_s", elapsed())
                .log("[{}] {}/{} files, {} rows read", stage, filesDone, filesTotal, rowsRead);
    }

    /** A line of the KPI job's own log, passed on under the kpi stage. */
    public void childLog(String line) {
        closeLine();
        LOG.atInfo().addKeyValue("run_id", runId).addKeyValue("stage", stage).addKeyValue("source", "spark").log(line);
    }

    private long elapsed() {
        return Duration.between(started, Instant.now()).toSeconds();
    }

    private void closeLine() {
        if (lineOpen) {
            terminal.println();
            lineOpen = false;
        }
    }
}
