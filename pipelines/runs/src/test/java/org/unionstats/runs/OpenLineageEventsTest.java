package org.unionstats.runs;
import org.unionstats.warehouse.runs.RunRecord;
import org.unionstats.warehouse.runs.RunStatus;


import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.period.Period;

class OpenLineageEventsTest {

    @TempDir
    Path tmp;

    @Test
    void startAndCompleteWithInputsAndOutputsAsJsonLines() throws Exception {
        Path file = tmp.resolve("lineage.jsonl");
        OpenLineageEvents events = OpenLineageEvents.file(file, "unionstats-test");
        RunContext run = new RunContext("r1-2024Q3", "r1", "backfill", "--from 2024Q3 --to 2024Q3",
                new PeriodSelection(Period.parse("2024Q3"), Period.parse("2024Q3")), tmp.resolve("inbox").toString(),
                tmp.resolve("warehouse"), Instant.now());
        events.start(run);
        RunRecord done = RunHistoryTest.record("r1-2024Q3", RunStatus.SUCCESS, Instant.now());
        events.end(run, done, List.of("kpi_values", "member_events"));
        RunRecord failed = RunHistoryTest.record("r1-2024Q3", RunStatus.FAILED, Instant.now());
        events.end(run, failed, List.of());

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode start = json.readTree(lines.get(0));
        JsonNode complete = json.readTree(lines.get(1));
        JsonNode fail = json.readTree(lines.get(2));
        assertThat(start.path("eventType").asText()).isEqualTo("START");
        assertThat(start.path("job").path("namespace").asText()).isEqualTo("unionstats-test");
        assertThat(start.path("job").path("name").asText()).isEqualTo("unionstats.backfill.period");
        assertThat(start.path("run").path("runId").asText()).isEqualTo(OpenLineageEvents.uuid("r1-2024Q3").toString());
        assertThat(start.path("run").path("facets").path("parent").path("run").path("runId").asText())
                .isEqualTo(OpenLineageEvents.uuid("r1").toString());
        assertThat(start.path("run").path("facets").path("nominalTime").path("nominalStartTime").asText()).startsWith("2024-07-01");
        assertThat(start.path("inputs").get(0).path("name").asText()).endsWith("/inbox");

        assertThat(complete.path("eventType").asText()).isEqualTo("COMPLETE");
        assertThat(complete.path("outputs")).extracting(o -> o.path("name").asText())
                .containsExactly(tmp.resolve("warehouse/kpi_values").toString(), tmp.resolve("warehouse/member_events").toString());
        assertThat(complete.path("inputs")).extracting(o -> o.path("name").asText())
                .as("the record tables that fed the KPIs").contains(tmp.resolve("warehouse/member_events").toString());
        assertThat(complete.path("inputs").get(0).path("inputFacets").path("dataQualityMetrics").path("rowCount").asLong()).isEqualTo(100);

        assertThat(fail.path("eventType").asText()).isEqualTo("FAIL");
        assertThat(fail.path("run").path("facets").path("errorMessage").path("message").asText()).isEqualTo("the KPI job failed");
    }
}
