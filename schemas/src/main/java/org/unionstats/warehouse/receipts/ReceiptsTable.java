package org.unionstats.warehouse.receipts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Reads a local warehouse's {@code ingest_receipts} table (small: one row per submitted file) without
 * an engine. Needs parquet-avro on the classpath (the Beam side has it).
 */
public final class ReceiptsTable {

    private ReceiptsTable() {}

    public static List<Receipt> read(WarehouseLayout layout) {
        Path table = layout.localTable(WarehouseLayout.RECEIPTS);
        if (!Files.isDirectory(table)) {
            return List.of();
        }
        List<Receipt> receipts = new ArrayList<>();
        try (Stream<Path> partitions = Files.list(table)) {
            for (Path partition : partitions.sorted().toList()) {
                Optional<String> period = WarehouseLayout.periodOf(partition.getFileName().toString());
                if (period.isEmpty() || !Files.isDirectory(partition)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(partition)) {
                    for (Path file : files.filter(ReceiptsTable::isDataFile).sorted().toList()) {
                        readFile(file, period.get(), receipts);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ingest receipts in " + table, e);
        }
        return receipts;
    }

    private static boolean isDataFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".parquet") && !WarehouseLayout.isHidden(name);
    }

    private static void readFile(Path file, String period, List<Receipt> out) throws IOException {
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                .withDataModel(GenericData.get()).build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                out.add(new Receipt(period, str(r, "submission_id"), str(r, "source_file"), str(r, "submitter"),
                        ReceiptStatus.fromCode(str(r, "status")), (Long) r.get("rows_read"), (Long) r.get("quarantined")));
            }
        }
    }

    private static String str(GenericRecord r, String field) {
        Object v = r.get(field);
        return v == null ? null : v.toString();
    }
}
