package org.unionstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * 'bench kpi-quarter' on the tiny sample of two quarters (2024Q2, 2024Q3) generated and ingested by the CLI: 2024Q3 is
 * held back, the KPI job runs in full over 2024Q2, then incrementally once 2024Q3 is back, and its tables equal those
 * of a full run over both quarters, table by table, before the timings are printed. 2024Q3's files restate 2024Q2
 * (cases filed years before, competitions begun in May), which the incremental run must rewrite as well.
 */
class KpiQuarterBenchIT {

    @Test
    void theRunForANewQuarterGivesTheTablesOfAFullRun() throws Exception {
        Path base = TestWarehouse.TARGET.resolve("kpi-quarter-it");
        TestWarehouse.deleteTree(base);
        CliContext context = TestWarehouse.context(base.resolve("state"));
        Path inbox = base.resolve("inbox");
        Path warehouse = base.resolve("warehouse");
        TestWarehouse.cli(context, "generate", "--out", inbox.toString(), "--scale", "tiny", "--periods", "2024Q2..2024Q3");
        TestWarehouse.cli(context, "ingest", "--inbox", inbox.toString(), "--warehouse", warehouse.toString());

        String out = TestWarehouse.cli(context, "bench", "kpi-quarter", "--warehouse", warehouse.toString(),
                "--dir", base.resolve("bench").toString(), "--heap", "3g");
        System.out.print(out);

        assertThat(out).contains("2024Q3 arriving on top of the quarters before it").contains("every table EQUAL");
        for (String table : new String[] {"kpi_values", "kpi_membership", "county_scorecard", "dq_findings",
                "reporting_completeness", "dim_periods"}) {
            assertThat(out).as(table).containsPattern("\\| " + table + " \\| [1-9][0-9,]* \\| [1-9][0-9,]* \\| 0 \\| 0 \\|");
        }
        // Every period a full run writes, at most: here 2024Q3 restates all of them (cases first listed in it were filed in
        // earlier years).
        assertThat(out).containsPattern("\\| full run, every quarter \\(`kpi --full`\\) \\| [0-9]+ \\|")
                .containsPattern("\\| 2024Q3 arrives \\(`kpi`\\) \\| [0-9]+ \\|")
                .containsPattern("wall-time ratio new quarter / full run: [0-9.]+");
        int full = periodsWritten(out, "| full run, every quarter (`kpi --full`) | ");
        int incremental = periodsWritten(out, "| 2024Q3 arrives (`kpi`) | ");
        assertThat(incremental).isPositive().isLessThanOrEqualTo(full);
        // The same arrival run twice in one JVM writes the same periods, and its tables were compared too.
        assertThat(out).contains("| rows, after the new quarter, second run in one JVM |")
                .satisfies(o -> assertThat(o.split("every table EQUAL", -1)).as("both incremental runs compared").hasSize(3))
                .containsPattern("the JVM warming up: -?[0-9.]+ s of the new quarter's [0-9.]+ s in a new JVM");
        assertThat(periodsWritten(out, "| 2024Q3 arrives, first run of a JVM running it twice | ")).isEqualTo(incremental);
        assertThat(periodsWritten(out, "| 2024Q3 arrives, second run in that JVM | ")).isEqualTo(incremental);
        // The working copies are the bench's own: the source warehouse gets no KPI tables from it.
        assertThat(warehouse.resolve("kpi_values")).doesNotExist();
    }

    private static int periodsWritten(String out, String row) {
        int at = out.indexOf(row) + row.length();
        return Integer.parseInt(out.substring(at, out.indexOf(' ', at)));
    }
}
