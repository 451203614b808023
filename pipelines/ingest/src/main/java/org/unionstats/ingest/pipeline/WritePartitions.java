package org.unionstats.ingest.pipeline;
import org.unionstats.warehouse.WarehouseLayout;


import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/** Writes (period, record) pairs as Hive-style {@code period=<P>/} Parquet partitions under a folder. */
public final class WritePartitions extends PTransform<PCollection<KV<String, GenericRecord>>, WriteFilesResult<String>> {

    private final String directory;
    private final Schema schema;
    private final String filePrefix;
    private final int shards;

    public WritePartitions(String directory, Schema schema, String filePrefix, int shards) {
        this.directory = directory;
        this.schema = schema;
        this.filePrefix = filePrefix;
        this.shards = shards;
    }

    @Override
    public WriteFilesResult<String> expand(PCollection<KV<String, GenericRecord>> rows) {
        return rows.apply("Write Parquet", FileIO.<String, KV<String, GenericRecord>>writeDynamic()
                .by(KV::getKey)
                .withDestinationCoder(StringUtf8Coder.of())
                .via(Contextful.fn(KV::getValue), ParquetIO.sink(schema))
                .to(directory)
                .withNaming(period -> FileIO.Write.defaultNaming(WarehouseLayout.partitionFile(period, filePrefix), ".parquet"))
                .withNumShards(shards));
    }
}
