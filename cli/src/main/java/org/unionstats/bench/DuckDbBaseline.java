package org.unionstats.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.unionstats.contract.RecordType;
import org.unionstats.text.Charsets;

/**
 * The comparison for the ingest benchmark: DuckDB converts the same inbox's UTF-8 CSV files to
 * Parquet per record type ({@code read_csv} → {@code COPY ... TO}), with no validation at all.
 * DuckDB reads no GB18030 without an extension, and no XLSX, so those files are left out and
 * the row count says how much it covered. Prints {@code rows <n> files <n>}.
 */
public final class DuckDbBaseline {

    private DuckDbBaseline() {}

    public static void main(String[] args) throws Exception {
        Path inbox = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        long rows = 0;
        int files = 0;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (RecordType type : RecordType.values()) {
                List<Path> csv = utf8Csv(inbox, type);
                if (csv.isEmpty()) {
                    continue;
                }
                files += csv.size();
                String list = csv.stream().map(p -> "'" + p.toString().replace("'", "''") + "'").collect(Collectors.joining(","));
                Path target = out.resolve(type.code() + ".parquet");
                st.execute("COPY (SELECT * FROM read_csv([" + list + "], union_by_name = true, all_varchar = true, header = true))"
                        + " TO '" + target + "' (FORMAT parquet)");
                rows += count(st, target);
            }
        }
        System.out.println("rows " + rows + " files " + files);
    }

    private static List<Path> utf8Csv(Path inbox, RecordType type) throws IOException {
        try (Stream<Path> walk = Files.walk(inbox)) {
            return walk.filter(p -> p.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                    .filter(p -> RecordType.fromFileName(p.getFileName().toString()).orElse(null) == type)
                    .filter(DuckDbBaseline::isUtf8)
                    .sorted()
                    .toList();
        }
    }

    private static boolean isUtf8(Path p) {
        try {
            return Charsets.detect(Files.readAllBytes(p)).name().equals("UTF-8");
        } catch (IOException e) {
            return false;
        }
    }

    private static long count(Statement st, Path parquet) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + parquet + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
