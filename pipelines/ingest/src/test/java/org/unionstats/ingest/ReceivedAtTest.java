package org.unionstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.ingest.WarehouseSql.scalar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * {@code ingest_receipts.received_at}: the start of the run that first saw a file's content at its path,
 * never the file's modification time, and kept whenever the receipt is written again.
 */
class ReceivedAtTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String V1 = "130306/2024Q3/member_events.csv";
    private static final String V2 = "130306/2024Q3/member_events_v2.csv";

    @TempDir
    Path tmp;

    Path inbox;
    Path warehouse;

    @BeforeEach
    void setUp() throws Exception {
        inbox = tmp.resolve("inbox");
        warehouse = tmp.resolve("warehouse");
        FixtureInbox.csv(inbox, "130300/2024Q3/org_units.csv", StandardCharsets.UTF_8, false,
                "org_code,name,level,parent_org_code,region_code", "130306-0001,抚宁区骊城街道工会,township,130306,130306");
        members(V1, "M1,130306-0001,入会,2024-07-05");
    }

    private void members(String relative, String... rows) throws Exception {
        String[] lines = new String[rows.length + 1];
        lines[0] = "会员编号,所属工会代码,变动类型,变动日期";
        System.arraycopy(rows, 0, lines, 1, rows.length);
        FixtureInbox.csv(inbox, relative, StandardCharsets.UTF_8, false, lines);
        // A modification time long before any run: received_at must not be it.
        Files.setLastModifiedTime(inbox.resolve(relative), FileTime.from(Instant.parse("2024-10-01T00:00:00Z")));
    }

    private IngestSummary ingest() {
        return new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, List.of()));
    }

    /** The run's start, as its id spells it (milliseconds, UTC). */
    private static long startOf(IngestSummary run) {
        return Instant.from(RUN_ID.parse(run.runId())).toEpochMilli();
    }

    @Test
    void aNewFileIsReceivedWhenTheRunThatFirstSawItStarted() throws Exception {
        IngestSummary first = ingest();
        long start = startOf(first);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(receipt(st, V1)).isEqualTo(start + " " + start + " " + first.runId() + " current");
            assertThat(receipt(st, "130300/2024Q3/org_units.csv")).startsWith(start + " ");
            assertThat(scalar(st, "select count(*) from " + table() + " where received_at = file_modified_at")).isEqualTo("0");
        }
    }

    @Test
    void aReplacedFileKeepsItsReceivedTimeAndTheCorrectionGetsItsOwn() throws Exception {
        IngestSummary first = ingest();
        Thread.sleep(5);
        members(V2, "M1,130306-0001,入会,2024-07-05", "M2,130306-0001,入会,2024-07-06");
        IngestSummary second = ingest();
        assertThat(second.files()).extracting(IngestSummary.FileReceipt::path).containsExactly(V2);
        assertThat(startOf(second)).isGreaterThan(startOf(first));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            // v1's receipt is rewritten by the second run (now replaced) but keeps the first run's times.
            assertThat(receipt(st, V1)).isEqualTo(startOf(first) + " " + startOf(first) + " " + first.runId() + " replaced");
            assertThat(receipt(st, V2)).isEqualTo(startOf(second) + " " + startOf(second) + " " + second.runId() + " current");
            assertThat(receipt(st, "130300/2024Q3/org_units.csv")).startsWith(startOf(first) + " ");
        }

        List<String> before = snapshot();
        IngestSummary third = ingest();
        assertThat(third.files()).isEmpty();
        assertThat(third.unchangedFiles()).isEqualTo(3);
        assertThat(snapshot()).as("re-ingesting the same inbox changes nothing").isEqualTo(before);
    }

    @Test
    void anArchiveLoadTakesTheLoggedArrivalTimesOfNewFiles() throws Exception {
        // The receiving office logged v1 on 2024-10-12 09:00 (+08:00 = 01:00 UTC); org_units is not in the log.
        Path log = tmp.resolve("arrivals.csv");
        Files.writeString(log, "source_file,received_at\n" + V1 + ",2024-10-12T09:00:00+08:00\n"
                + "130306/2024Q3/not_in_the_inbox.csv,2024-10-13T09:00:00+08:00\n");
        long logged = Instant.parse("2024-10-12T01:00:00Z").toEpochMilli();
        IngestSummary first = new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, List.of())
                .withArrivals(org.unionstats.ingest.plan.ArrivalLog.read(log)));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(receipt(st, V1)).isEqualTo(logged + " " + startOf(first) + " " + first.runId() + " current");
            assertThat(receipt(st, "130300/2024Q3/org_units.csv")).startsWith(startOf(first) + " " + startOf(first) + " ");
        }
        // A file seen before keeps its time whatever a later log says.
        Files.writeString(log, "source_file,received_at\n" + V1 + ",2024-11-30T09:00:00+08:00\n");
        members(V2, "M1,130306-0001,入会,2024-07-05", "M2,130306-0001,入会,2024-07-06");
        IngestSummary second = new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, List.of())
                .withArrivals(org.unionstats.ingest.plan.ArrivalLog.read(log)));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(receipt(st, V1)).isEqualTo(logged + " " + startOf(first) + " " + first.runId() + " replaced");
            assertThat(receipt(st, V2)).startsWith(startOf(second) + " " + startOf(second) + " ");
        }
    }

    @Test
    void aMalformedArrivalLogIsRefusedWithTheRow() throws Exception {
        Path log = tmp.resolve("arrivals.csv");
        Files.writeString(log, "source_file,received_at\n" + V1 + ",2024-10-12T09:00:00+08:00\n" + V2 + ",12 October\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.unionstats.ingest.plan.ArrivalLog.read(log))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 3").hasMessageContaining("ISO-8601");
        Files.writeString(log, "file,time\n" + V1 + ",2024-10-12T09:00:00+08:00\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.unionstats.ingest.plan.ArrivalLog.read(log))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source_file,received_at");
    }

    @Test
    void aReceiptWrittenBeforeReceivedAtExistedCarriesItsIngestedAt() throws Exception {
        IngestSummary first = ingest();
        long firstStart = startOf(first);
        Path partition = warehouse.resolve(WarehouseLayout.RECEIPTS).resolve("period=2024Q3");
        int rewritten = writeWithoutReceivedAt(partition);
        assertThat(rewritten).isEqualTo(2);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(scalar(st, "select count(*) from read_parquet('" + partition + "/*.parquet')")).isEqualTo("2");
        }

        Thread.sleep(5);
        members(V2, "M1,130306-0001,入会,2024-07-06");
        IngestSummary second = ingest();
        assertThat(second.files()).extracting(IngestSummary.FileReceipt::path).containsExactly(V2);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertThat(receipt(st, V1)).isEqualTo(firstStart + " " + firstStart + " " + first.runId() + " replaced");
            assertThat(receipt(st, "130300/2024Q3/org_units.csv")).isEqualTo(firstStart + " " + firstStart + " " + first.runId() + " current");
            assertThat(receipt(st, V2)).startsWith(startOf(second) + " ");
            assertThat(scalar(st, "select count(*) from " + table() + " where received_at is null")).isEqualTo("0");
        }
    }

    /** Rewrites a receipts partition as an earlier version wrote it: the same receipts, without {@code received_at}. */
    private static int writeWithoutReceivedAt(Path partition) throws Exception {
        Schema current = ContractCatalog.tableSchema(WarehouseLayout.RECEIPTS);
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : current.getFields()) {
            if (!f.name().equals("received_at")) {
                fields.add(new Schema.Field(f, f.schema()));
            }
        }
        Schema old = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
        List<GenericRecord> receipts = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(partition)) {
            files = list.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        for (Path file : files) {
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                    .withDataModel(GenericData.get()).build()) {
                for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                    GenericData.Record copy = new GenericData.Record(old);
                    for (Schema.Field f : old.getFields()) {
                        copy.put(f.name(), r.get(f.name()));
                    }
                    receipts.add(copy);
                }
            }
            Files.delete(file);
        }
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
                        new LocalOutputFile(partition.resolve("part-old-00000-of-00001.parquet")))
                .withSchema(old).withDataModel(GenericData.get()).build()) {
            for (GenericRecord r : receipts) {
                writer.write(r);
            }
        }
        return receipts.size();
    }

    /** {@code received_at ingested_at run_id status} of a file's receipt, times in epoch milliseconds. */
    private String receipt(Statement st, String sourceFile) throws SQLException {
        return scalar(st, "select epoch_ms(received_at) || ' ' || epoch_ms(ingested_at) || ' ' || run_id || ' ' || status from " + table()
                + " where source_file = '" + sourceFile + "'");
    }

    private String table() {
        return WarehouseSql.table(warehouse, WarehouseLayout.RECEIPTS);
    }

    private List<String> snapshot() throws Exception {
        try (Stream<Path> files = Files.walk(warehouse)) {
            return files.filter(Files::isRegularFile).map(p -> warehouse.relativize(p) + ":" + p.toFile().lastModified()).sorted().toList();
        }
    }
}
