package org.unionstats.ingest.pipeline;
import org.unionstats.warehouse.WarehouseLayout;


import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

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

    /**
     * The rows cross the write's grouping by shard as their Avro encoding, decoded only as each file is written: a
     * grouping may copy its buffered values several times, and a byte array copies without decoding.
     */
    @Override
    public WriteFilesResult<String> expand(PCollection<KV<String, GenericRecord>> rows) {
        AvroCoder<GenericRecord> rowCoder = AvroCoder.of(schema);
        return rows
                .apply("Encode rows", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(byte[].class)))
                        .via((KV<String, GenericRecord> row) -> KV.of(row.getKey(), encode(rowCoder, row.getValue()))))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()))
                .apply("Write Parquet", FileIO.<String, KV<String, byte[]>>writeDynamic()
                .by(KV::getKey)
                .withDestinationCoder(StringUtf8Coder.of())
                .via(Contextful.fn((KV<String, byte[]> row) -> decode(rowCoder, row.getValue())), ParquetIO.sink(schema))
                .to(directory)
                .withNaming(period -> FileIO.Write.defaultNaming(WarehouseLayout.partitionFile(period, filePrefix), ".parquet"))
                .withNumShards(shards));
    }

    private static byte[] encode(AvroCoder<GenericRecord> coder, GenericRecord row) {
        try {
            return CoderUtils.encodeToByteArray(coder, row);
        } catch (CoderException e) {
            throw new IllegalStateException("cannot encode a row of " + coder.getSchema().getName(), e);
        }
    }

    private static GenericRecord decode(AvroCoder<GenericRecord> coder, byte[] row) {
        try {
            return CoderUtils.decodeFromByteArray(coder, row);
        } catch (CoderException e) {
            throw new IllegalStateException("cannot decode a row of " + coder.getSchema().getName(), e);
        }
    }
}
