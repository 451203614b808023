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
import org.unionstats.warehouse.WarehouseLayout;

/**
 * The warehouse's files through Beam's {@code FileSystems} (local, {@code gs://}, {@code s3://},
 * {@code hdfs://}): listing and reading small tables in the driver. Paths come from {@link WarehouseLayout}.
 */
public final class WarehouseFiles {

    private WarehouseFiles() {}

    /** The Parquet files of one partition folder (none if it does not exist). */
    public static List<MatchResult.Metadata> files(String partitionDir) {
        return match(partitionDir + "/*.parquet");
    }

    /** Every Parquet file of a table, all partitions. */
    public static List<MatchResult.Metadata> tableFiles(WarehouseLayout layout, String table) {
        return match(layout.tableFilesGlob(table));
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

    /**
     * Reads small tables (receipts, dimensions) in the driver, as records of {@code schema}: fields are
     * matched by name, so a file written before a field was added (a receipt without {@code received_at})
     * reads with that field's default.
     */
    public static List<GenericRecord> read(List<MatchResult.Metadata> files, Schema schema) {
        List<GenericRecord> records = new ArrayList<>();
        for (MatchResult.Metadata file : files) {
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                            new BeamInputFile(file.resourceId(), file.sizeBytes()))
                    .withDataModel(GenericData.get())
                    .build()) {
                for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                    records.add(asSchema(schema, r));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.resourceId(), e);
            }
        }
        return records;
    }

    /** A copy of {@code r} as a record of {@code schema}, field by field by name; a field {@code r} lacks takes its default. */
    static GenericRecord asSchema(Schema schema, GenericRecord r) {
        if (r.getSchema().equals(schema)) {
            return GenericData.get().deepCopy(schema, r);
        }
        GenericData.Record copy = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            Schema.Field written = r.getSchema().getField(field.name());
            if (written != null) {
                copy.put(field.pos(), GenericData.get().deepCopy(field.schema(), r.get(written.pos())));
            } else if (field.hasDefaultValue()) {
                copy.put(field.pos(), GenericData.get().deepCopy(field.schema(), GenericData.get().getDefaultValue(field)));
            } else {
                throw new IllegalStateException("a " + schema.getName() + " file has no " + field.name() + " and the schema gives it no default");
            }
        }
        return copy;
    }
}
