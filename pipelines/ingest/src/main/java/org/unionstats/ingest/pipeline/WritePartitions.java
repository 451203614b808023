package org.unionstats.ingest.pipeline;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Writes (period, rows) pairs as Hive-style {@code period=<P>/} Parquet partitions under a folder. The rows come in
 * batches of their Avro encoding ({@link EncodedRows}), through the write's grouping by partition and shard, and are
 * decoded as their file is written.
 */
public final class WritePartitions extends PTransform<PCollection<KV<String, List<byte[]>>>, WriteFilesResult<String>> {

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
    public WriteFilesResult<String> expand(PCollection<KV<String, List<byte[]>>> rows) {
        return rows.apply("Write Parquet", FileIO.<String, KV<String, List<byte[]>>>writeDynamic()
                .by(KV::getKey)
                .withDestinationCoder(StringUtf8Coder.of())
                .via(new ParquetBatches(schema.toString()))
                .to(directory)
                .withNaming(period -> FileIO.Write.defaultNaming(WarehouseLayout.partitionFile(period, filePrefix), ".parquet"))
                .withNumShards(shards));
    }

    /** Parquet's sink, fed the rows of each batch decoded. */
    private static final class ParquetBatches implements FileIO.Sink<KV<String, List<byte[]>>> {
        private final String schemaJson;
        private transient FileIO.Sink<GenericRecord> parquet;
        private transient AvroCoder<GenericRecord> coder;

        ParquetBatches(String schemaJson) {
            this.schemaJson = schemaJson;
        }

        @Override
        public void open(WritableByteChannel channel) throws IOException {
            Schema schema = new Schema.Parser().parse(schemaJson);
            coder = AvroCoder.of(schema);
            parquet = ParquetIO.sink(schema);
            parquet.open(channel);
        }

        @Override
        public void write(KV<String, List<byte[]>> batch) throws IOException {
            for (byte[] row : batch.getValue()) {
                parquet.write(EncodedRows.decode(coder, row));
            }
        }

        @Override
        public void flush() throws IOException {
            parquet.flush();
        }
    }
}
