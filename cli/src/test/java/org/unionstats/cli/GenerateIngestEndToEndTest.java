package org.unionstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate → ingest through the CLI → read the Parquet back with DuckDB and reconcile with the receipts. */
class GenerateIngestEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void generatedInboxIngestsAndReconciles() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Path warehouse = tmp.resolve("warehouse");
        System.setProperty("unionstats.home", tmp.resolve("state").toString());

        assertThat(run("generate", "--out", inbox.toString(), "--scale", "tiny", "--periods", "2024Q2..2024Q3")).contains("wrote");
        JsonNode first = new ObjectMapper().readTree(run("ingest", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(), "--json"));

        long accepted = 0;
        long quarantined = 0;
        long acceptedOfCurrent = 0;
        int refused = 0;
        int replaced = 0;
        for (JsonNode f : first.get("files")) {
            assertThat(f.get("rows_read").asLong())
                    .as(f.get("path").asText())
                    .isEqualTo(f.get("accepted").asLong() + f.get("duplicates").asLong() + f.get("quarantined").asLong());
            accepted += f.get("accepted").asLong();
            quarantined += f.get("quarantined").asLong();
            if ("current".equals(f.get("status").asText())) {
                acceptedOfCurrent += f.get("accepted").asLong();
            }
            refused += "refused".equals(f.get("status").asText()) ? 1 : 0;
            replaced += "replaced".equals(f.get("status").asText()) ? 1 : 0;
        }
        JsonNode totals = first.get("totals");
        assertThat(totals.get("accepted").asLong()).isEqualTo(accepted);
        assertThat(totals.get("files").asInt()).isEqualTo(first.get("files").size()).isGreaterThan(50);
        assertThat(refused).as("the damaged workbook is refused, not fatal").isGreaterThanOrEqualTo(1);
        assertThat(replaced).as("corrected resubmissions replace earlier files").isGreaterThanOrEqualTo(1);

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            long rows = 0;
            // Every record type of the contract has its table, so a new record type cannot be missed here; but feedback,
            // which answers issued letters, and the sample issues none.
            for (org.unionstats.contract.RecordType type : org.unionstats.contract.RecordType.values()) {
                if (type == org.unionstats.contract.RecordType.FEEDBACK) {
                    assertThat(warehouse.resolve(type.code())).doesNotExist();
                    continue;
                }
                rows += count(st, warehouse, type.code());
            }
            assertThat(rows).as("rows in the tables = rows accepted from current submissions").isEqualTo(acceptedOfCurrent);
            assertThat(count(st, warehouse, "quarantine")).isEqualTo(quarantined);
            assertThat(count(st, warehouse, "ingest_receipts")).isEqualTo(first.get("files").size());
        }

        JsonNode second = new ObjectMapper().readTree(run("ingest", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(), "--json"));
        assertThat(second.get("files")).isEmpty();
        assertThat(second.get("totals").get("unchanged_files").asInt()).isEqualTo(first.get("files").size());
    }

    @Test
    void badArgumentsGiveAClearMessageAndTheUsageExitCode() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        picocli.CommandLine cli = UnionStats.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = cli.execute("generate", "--out", tmp.toString(), "--periods", "2024Q5");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("2024Q5").doesNotContain("Exception");
    }

    private static long count(Statement st, Path warehouse, String table) throws Exception {
        try (ResultSet rs = st.executeQuery("select count(*) from read_parquet('" + warehouse.resolve(table) + "/*/*.parquet')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = UnionStats.commandLine().execute(args);
            assertThat(code).as(String.join(" ", args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
