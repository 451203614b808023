package org.unionstats.cli.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unionstats.cli.Arguments;
import org.unionstats.runs.RunHistory;
import org.unionstats.warehouse.runs.RunRecord;
import org.unionstats.runs.WarehouseLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"The run history (ops.pipeline_runs): one line per run and backfill period, newest last."})
public final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Option(names = "--warehouse", required = true, description = "Warehouse root.")
    Path warehouse;

    @Option(names = "--last", defaultValue = "20", description = "How many runs. Default: ${DEFAULT-VALUE}.")
    int last;

    @Option(names = "--json", description = "One JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Arguments.require(last >= 1, "--last must be at least 1");
        List<RunRecord> runs = new RunHistory(warehouse).last(last);
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            runs.forEach(r -> rows.add(toJson(r)));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("runs", rows);
            WarehouseLock.holder(warehouse).ifPresent(h -> doc.put("lock_holder", h));
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            return 0;
        }
        if (runs.isEmpty()) {
            System.out.println("no runs recorded in " + warehouse + " yet");
        } else {
            System.out.printf("%-32s %-8s %-15s %-9s %-20s %7s %6s %10s %10s %8s %4s  %s%n", "run", "command", "periods", "status",
                    "started", "seconds", "files", "rows read", "accepted", "quarant.", "kpi", "message");
            for (RunRecord r : runs) {
                System.out.printf("%-32s %-8s %-15s %-9s %-20s %7.1f %6s %10s %10s %8s %4s  %s%n", r.runId(), r.command(),
                        r.periods() == null ? "all" : r.periods(), r.status().code(), TIME.format(r.startedAt()), r.seconds(),
                        n(r.filesNew()), n(r.rowsRead()), n(r.rowsAccepted()), n(r.rowsQuarantined()),
                        r.kpiPartitionsWritten() == null ? "-" : r.kpiPartitionsWritten().toString(),
                        r.errorMessage() == null ? "" : r.errorMessage());
            }
        }
        WarehouseLock.holder(warehouse).ifPresent(h -> System.out.println("lock: " + h.describe()
                + " — running now, or killed (the next run records it as abandoned)"));
        return 0;
    }

    private static String n(Long v) {
        return v == null ? "-" : String.format("%,d", v);
    }

    static Map<String, Object> toJson(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.runId());
        m.put("command", r.command());
        m.put("arguments", r.arguments());
        m.put("periods", r.periods());
        m.put("parent_run_id", r.parentRunId());
        m.put("started_at", r.startedAt().toString());
        m.put("ended_at", r.endedAt().toString());
        m.put("status", r.status().code());
        m.put("exit_code", r.exitCode());
        m.put("ingest_run_id", r.ingestRunId());
        m.put("files_new", r.filesNew());
        m.put("files_unchanged", r.filesUnchanged());
        m.put("rows_read", r.rowsRead());
        m.put("rows_accepted", r.rowsAccepted());
        m.put("rows_duplicates", r.rowsDuplicates());
        m.put("rows_quarantined", r.rowsQuarantined());
        m.put("kpi_partitions_written", r.kpiPartitionsWritten());
        m.put("kpi_periods_written", r.kpiPeriodsWritten());
        m.put("published", r.published());
        m.put("error_message", r.errorMessage());
        m.put("host", r.host());
        m.put("pid", r.pid());
        return m;
    }
}
