package org.unionstats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.period.Period;

class NewQuarterWarehouseTest {

    private static final List<String> INGESTED = List.of("member_events", "ingest_receipts", "targets");

    @TempDir
    Path tmp;

    /** A warehouse with two quarters of member events, receipts including period=unknown, and KPI output besides. */
    private Path source() throws Exception {
        Path w = tmp.resolve("source");
        for (String p : List.of("period=2024Q3", "period=2024Q4")) {
            write(w.resolve("member_events").resolve(p).resolve("part-0.parquet"));
            write(w.resolve("ingest_receipts").resolve(p).resolve("part-0.parquet"));
        }
        write(w.resolve("ingest_receipts/period=unknown/part-0.parquet"));
        // A monthly submission inside the quarter, and a year's targets enclosing it (not inside it).
        write(w.resolve("member_events/period=2024-11/part-0.parquet"));
        write(w.resolve("targets/period=2024/part-0.parquet"));
        write(w.resolve("kpi_values/period=2024Q4/part-0.parquet"));
        write(w.resolve("_kpi_state.json"));
        return w;
    }

    private static void write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, file.getFileName().toString());
    }

    @Test
    void theLatestQuarterIsTheOneEndingLast() throws Exception {
        // 2024 (targets) ends with 2024Q4; 2024-11 lies in it; period=unknown has no quarter.
        assertThat(NewQuarterWarehouse.latestQuarter(source(), INGESTED)).contains(Period.parse("2024Q4"));
        assertThat(NewQuarterWarehouse.latestQuarter(tmp.resolve("nothing"), INGESTED)).isEmpty();
    }

    @Test
    void holdsBackThePartitionsInsideTheQuarterAndPutsThemBack() throws Exception {
        Path source = source();
        Path target = tmp.resolve("work/new-quarter");
        Files.createDirectories(target.resolve("stale"));

        NewQuarterWarehouse w = NewQuarterWarehouse.withoutQuarter(source, target, Period.parse("2024Q4"), INGESTED);

        // Held back: member_events 2024Q4 and 2024-11, receipts 2024Q4. Kept: 2024Q3, unknown, the year's targets.
        assertThat(w.heldPartitions()).isEqualTo(3);
        assertThat(target.resolve("member_events/period=2024Q3/part-0.parquet")).exists();
        assertThat(target.resolve("member_events/period=2024Q4")).doesNotExist();
        assertThat(target.resolve("member_events/period=2024-11")).doesNotExist();
        assertThat(target.resolve("ingest_receipts/period=2024Q4")).doesNotExist();
        assertThat(target.resolve("ingest_receipts/period=unknown/part-0.parquet")).exists();
        assertThat(target.resolve("targets/period=2024/part-0.parquet")).exists();
        // Only the ingested tables are copied; what was there before is gone.
        assertThat(target.resolve("kpi_values")).doesNotExist();
        assertThat(target.resolve("_kpi_state.json")).doesNotExist();
        assertThat(target.resolve("stale")).doesNotExist();
        // The source is untouched.
        assertThat(source.resolve("member_events/period=2024Q4/part-0.parquet")).exists();

        // A copy with the quarter arrived, from the warehouse as it is (what a run wrote there included); the
        // warehouse keeps the quarter held back.
        Files.createDirectories(target.resolve("kpi_values/period=2024Q3"));
        write(target.resolve("kpi_values/period=2024Q3/part-0.parquet"));
        Path copy = tmp.resolve("work/copy");
        Files.createDirectories(copy.resolve("stale"));
        w.copyArrived(copy);
        assertThat(copy.resolve("member_events/period=2024Q4/part-0.parquet")).hasContent("part-0.parquet");
        assertThat(copy.resolve("member_events/period=2024-11/part-0.parquet")).exists();
        assertThat(copy.resolve("ingest_receipts/period=2024Q4/part-0.parquet")).exists();
        assertThat(copy.resolve("member_events/period=2024Q3/part-0.parquet")).exists();
        assertThat(copy.resolve("kpi_values/period=2024Q3/part-0.parquet")).exists();
        assertThat(copy.resolve("stale")).doesNotExist();
        assertThat(target.resolve("member_events/period=2024Q4")).doesNotExist();
        assertThat(tmp.resolve("work/new-quarter-held/member_events/period=2024Q4/part-0.parquet")).exists();

        w.arrive();

        assertThat(target.resolve("member_events/period=2024Q4/part-0.parquet")).hasContent("part-0.parquet");
        assertThat(target.resolve("member_events/period=2024-11/part-0.parquet")).exists();
        assertThat(target.resolve("ingest_receipts/period=2024Q4/part-0.parquet")).exists();
        assertThat(tmp.resolve("work/new-quarter-held")).doesNotExist();
    }
}
