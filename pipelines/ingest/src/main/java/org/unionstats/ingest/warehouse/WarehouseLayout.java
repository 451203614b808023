package org.unionstats.ingest.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.unionstats.ingest.plan.WarehousePartitions;

/**
 * Where the warehouse keeps what: {@code <root>/<table>/period=<P>/*.parquet} for published
 * tables, {@code <root>/_staging/<run>/} while a run writes, {@code <root>/_publish/} for
 * publish journals. Readers skip folders starting with {@code _} or {@code .}.
 */
public record WarehouseLayout(String root) {

    public WarehouseLayout {
        root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    public String table(String table) {
        return root + "/" + table;
    }

    public String partition(String table, String period) {
        return table(table) + "/" + WarehousePartitions.partitionDir(period);
    }

    public String staging(String runId) {
        return root + "/_staging/" + runId;
    }

    public String stagedTable(String runId, String table) {
        return staging(runId) + "/" + table;
    }

    public String journals() {
        return root + "/_publish";
    }

    /** The Parquet files of one partition (none if it does not exist). */
    public List<MatchResult.Metadata> files(String partitionDir) {
        return match(partitionDir + "/*.parquet");
    }

    /** Every Parquet file of a table, all partitions. */
    public List<MatchResult.Metadata> tableFiles(String table) {
        return match(table(table) + "/period=*/*.parquet");
    }

    static List<MatchResult.Metadata> match(String glob) {
        try {
            MatchResult result = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
            if (result.status() == MatchResult.Status.NOT_FOUND) {
                return List.of();
            }
            return result.metadata();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + glob, e);
        }
    }

    /** Reads small tables (receipts, dimensions) in the driver. */
    public static List<GenericRecord> read(List<MatchResult.Metadata> files, Schema schema) {
        List<GenericRecord> records = new ArrayList<>();
        for (MatchResult.Metadata file : files) {
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                            new BeamInputFile(file.resourceId(), file.sizeBytes()))
                    .withDataModel(GenericData.get())
                    .build()) {
                for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                    records.add(GenericData.get().deepCopy(schema, r));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.resourceId(), e);
            }
        }
        return records;
    }
}
