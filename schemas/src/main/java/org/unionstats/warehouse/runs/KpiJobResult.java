package org.unionstats.warehouse.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * What one KPI job run wrote: the last line of its standard output, read by the run that started it.
 *
 * @param periodsWritten the periods whose partitions were rewritten
 * @param kpiRows rows of {@code kpi_values} written
 * @param seconds the job's wall time
 */
public record KpiJobResult(
        @JsonProperty("periods_written") List<String> periodsWritten,
        @JsonProperty("kpi_rows") long kpiRows,
        @JsonProperty("seconds") double seconds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        try {
            return JSON.writeValueAsString(new KpiJobResult(periodsWritten, kpiRows, Math.round(seconds * 10) / 10.0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the result from the job's output: its last line. */
    public static KpiJobResult fromOutput(String output) {
        String last = output.strip();
        last = last.substring(last.lastIndexOf('\n') + 1);
        try {
            return JSON.readValue(last, KpiJobResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the KPI job did not end with its result line: " + last, e);
        }
    }
}
