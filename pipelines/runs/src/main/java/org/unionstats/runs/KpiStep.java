package org.unionstats.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unionstats.runs.SparkJobLauncher;

/**
 * The KPI stage: the Spark job in a JVM of its own, incremental (it rewrites only the periods whose
 * receipts changed since its last complete run, and every period after them that carries stocks).
 */
public record KpiStep(String master, String heap, int deadlineDays) {

    /** What the job wrote. */
    public record Result(List<String> periodsWritten, long kpiRows) {}

    public Result run(Path warehouse, RunProgress progress, boolean structuredLog) throws Exception {
        List<String> args = List.of("--warehouse", warehouse.toString(), "--master", master, "--deadline-days",
                Integer.toString(deadlineDays));
        String out = SparkJobLauncher.run(args, heap, structuredLog ? progress::childLog : null);
        JsonNode json = new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
        List<String> periods = new ArrayList<>();
        json.path("periods_written").forEach(p -> periods.add(p.asText()));
        return new Result(periods, json.path("kpi_rows").asLong());
    }
}
