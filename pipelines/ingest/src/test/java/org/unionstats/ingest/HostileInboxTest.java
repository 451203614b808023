package org.unionstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.ingest.WarehouseSql.scalar;
import static org.unionstats.ingest.WarehouseSql.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done means": one inbox of broken and hostile files ({@link HostileInbox}) is
 * ingested in a JVM of its own with {@code -Xmx1g}. The batch completes and exits 0; every file
 * gets one receipt that reconciles, with its reason; the earlier submissions that a damaged or
 * empty correction names still count; and no string in any Parquet file of the warehouse holds an
 * ID number, a phone number, key material or the content of a file outside the inbox.
 */
class HostileInboxTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Pattern ID_18 = Pattern.compile("(?<![0-9])\\d{17}[0-9Xx](?![0-9])");
    private static final Pattern ID_15 = Pattern.compile("(?<![0-9])\\d{15}(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?![0-9])");

    @TempDir
    Path tmp;

    @Test
    void aHostileInboxIsIngestedFileByFileInASmallHeapAndNothingPersonalLandsInClear() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Path warehouse = tmp.resolve("warehouse");
        HostileInbox corpus = new HostileInbox(inbox, tmp.resolve("outside"));
        corpus.writeEarlierSubmissions();
        IngestSummary first = ingestInProcess(inbox, warehouse);
        assertThat(first.files()).hasSize(3).allMatch(f -> f.status().code().equals("current"));

        corpus.writeHostileFiles();
        Path result = tmp.resolve("result.json");
        Path log = tmp.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                HostileIngestMain.class.getName(), inbox.toString(), warehouse.toString(), result.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("the hostile ingest finishes").isTrue();
        String childLog = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("exit code; log:\n" + childLog).isZero();

        JsonNode out = new ObjectMapper().readTree(result.toFile());
        assertThat(out.get("maxHeap").asLong()).as("the child's heap limit").isLessThanOrEqualTo(1L << 30);
        System.out.printf("hostile ingest: heap limit %d MiB, peak heap use %d MiB%n", out.get("maxHeap").asLong() >> 20,
                out.get("peakHeap").asLong() >> 20);
        Map<String, JsonNode> receipts = new HashMap<>();
        for (JsonNode f : out.get("summary").get("files")) {
            receipts.put(f.get("path").asText(), f);
            assertThat(f.get("rowsRead").asLong()).as(f.get("path").asText() + " reconciles")
                    .isEqualTo(f.get("accepted").asLong() + f.get("duplicates").asLong() + f.get("quarantined").asLong());
        }
        assertThat(receipts.keySet()).containsExactlyInAnyOrderElementsOf(
                corpus.expected.stream().map(HostileInbox.Expect::sourceFile).toList());

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (HostileInbox.Expect e : corpus.expected) {
                JsonNode r = receipts.get(e.sourceFile());
                assertThat(List.of(r.get("status").asText(), r.get("rowsRead").asLong(), r.get("accepted").asLong(),
                        r.get("quarantined").asLong())).as(e.sourceFile())
                        .containsExactly(e.status(), e.read(), e.accepted(), e.quarantined());
                List<String[]> entries = rows(st, "select error_code, message_zh, message_en from " + table(warehouse, "quarantine")
                        + " where source_file = '" + e.sourceFile().replace("'", "''") + "'", 3);
                assertThat(entries).as(e.sourceFile() + " quarantine entries").hasSize((int) e.quarantined());
                if (e.code() != null) {
                    List<String[]> ofCode = entries.stream().filter(x -> x[0].equals(e.code())).toList();
                    assertThat(ofCode).as(e.sourceFile() + " has " + e.code()).isNotEmpty();
                    assertThat(ofCode.get(0)[2]).as(e.sourceFile() + " message").contains(e.fragment());
                    assertThat(ofCode.get(0)[1]).as(e.sourceFile() + " has a Chinese message").isNotBlank().isNotEqualTo(ofCode.get(0)[2]);
                }
            }
            // The earlier submissions the header-only and damaged corrections name still count.
            assertThat(scalar(st, "select count(*) from " + table(warehouse, "member_events")
                    + " where submitter = '130306' and period = '2024Q3'")).isEqualTo("2");
            assertThat(scalar(st, "select count(*) from " + table(warehouse, "hardship_cases")
                    + " where submitter = '130322' and period = '2024Q3'")).isEqualTo("2");
            assertThat(scalar(st, "select string_agg(status, ',' order by source_file) from " + table(warehouse, "ingest_receipts")
                    + " where source_file in ('130306/2024Q3/member_events.csv', '130322/2024Q3/hardship_cases.csv')"))
                    .isEqualTo("current,current");
            assertThat(scalar(st, "select format from " + table(warehouse, "ingest_receipts")
                    + " where source_file = '130306/2024Q3/hardship_cases.csv'")).isEqualTo("csv/GB18030");
            assertThat(scalar(st, "select format from " + table(warehouse, "ingest_receipts")
                    + " where source_file = '130322/2024Q3/member_events.csv'")).isEqualTo("csv/UTF-8");
            assertThat(scalar(st, "select count(*) from " + table(warehouse, "indicator_reports")
                    + " where source_file = '130306/2024Q3/indicator_reports_联系人135****2222.csv'")).isEqualTo("1");
            assertThat(scalar(st, "select count(*) from " + table(warehouse, "ingest_receipts"))).isEqualTo(
                    Integer.toString(3 + corpus.expected.size()));

            List<String> findings = scanEveryParquetFile(st, warehouse);
            assertThat(findings).as("personal data, key material or outside content in clear").isEmpty();
        }
        List<String> rawFindings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(warehouse)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                rawFindings.addAll(secretsIn(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8), false));
            }
        }
        rawFindings.addAll(secretsIn("the child's log", childLog, true));
        assertThat(rawFindings).isEmpty();

        // Re-running the same inbox changes nothing.
        List<String> before = snapshot(warehouse);
        IngestSummary again = ingestInProcess(inbox, warehouse);
        assertThat(again.files()).isEmpty();
        assertThat(again.unchangedFiles()).isEqualTo(3 + corpus.expected.size());
        assertThat(snapshot(warehouse)).isEqualTo(before);
    }

    private static IngestSummary ingestInProcess(Path inbox, Path warehouse) {
        return new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, List.of(), null, null,
                HostileInbox.LIMITS));
    }

    /** Every string column of every Parquet file of the warehouse, read with DuckDB, against the secrets and the patterns. */
    private static List<String> scanEveryParquetFile(Statement st, Path warehouse) throws Exception {
        List<String> findings = new ArrayList<>();
        List<Path> parquet;
        try (Stream<Path> files = Files.walk(warehouse)) {
            parquet = files.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        assertThat(parquet).hasSizeGreaterThan(5);
        int strings = 0;
        for (Path file : parquet) {
            String source = "read_parquet('" + file + "')";
            List<String[]> columns = rows(st, "select column_name, column_type from (describe select * from " + source + ")", 2);
            for (String[] column : columns) {
                if (!column[1].equals("VARCHAR")) {
                    continue;
                }
                boolean hash = column[0].equals("sha256") || column[0].equals("submission_id") || column[0].endsWith("_key");
                try (ResultSet rs = st.executeQuery("select \"" + column[0] + "\" from " + source)) {
                    while (rs.next()) {
                        String value = rs.getString(1);
                        if (value == null) {
                            continue;
                        }
                        strings++;
                        String where = warehouse.relativize(file) + " " + column[0];
                        findings.addAll(secretsIn(where, value, true));
                        if (!hash) {
                            for (Pattern p : List.of(ID_18, ID_15, MOBILE)) {
                                if (p.matcher(value).find()) {
                                    findings.add(where + ": " + p + " in " + value);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(strings).as("strings scanned").isGreaterThan(100);
        return findings;
    }

    /** The secrets in a text; {@code controls}: also NUL, direction overrides and zero-width spaces (not in binary files, where NUL is everywhere). */
    private static List<String> secretsIn(String where, String text, boolean controls) {
        List<String> found = new ArrayList<>();
        List<String> secrets = new ArrayList<>(HostileInbox.PERSONAL);
        secrets.addAll(List.of(HostileInbox.FAKE_KEY, HostileInbox.PASSWD_LINE, "root:x:0:0", "/bin/sh", HostileInbox.OUTSIDE_CANARY,
                HostileInbox.NAME_CANARY, HostileInbox.OVERFLOW_CANARY, new String(KEY, StandardCharsets.UTF_8)));
        if (controls) {
            secrets.addAll(List.of("\u202E", "\u0000", "\u200B", "\u0007"));
        }
        for (String secret : secrets) {
            if (text.contains(secret)) {
                found.add(where + " contains " + secret.replaceAll("\\p{Cntrl}|\\p{Cf}", "<control>"));
            }
        }
        return found;
    }

    private static List<String[]> rows(Statement st, String sql, int width) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String[] row = new String[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static List<String> snapshot(Path warehouse) throws Exception {
        try (Stream<Path> files = Files.walk(warehouse)) {
            return files.filter(Files::isRegularFile).map(p -> warehouse.relativize(p) + ":" + p.toFile().lastModified()).sorted().toList();
        }
    }

}
