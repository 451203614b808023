package org.unionstats.ingest.pipeline;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The rows of one published partition that a run keeps when it rewrites the partition: all
 * but those of submitters whose group a new file won ({@link CheckSubmissions#WINNERS}). A
 * group whose new files were all refused keeps its earlier rows.
 */
public final class ReadKeptRows extends PTransform<PBegin, PCollection<KV<String, List<byte[]>>>> {

    private final List<String> files;
    private final Schema schema;
    private final String recordType;
    private final String period;
    private final PCollection<KV<String, String>> winners;

    public ReadKeptRows(List<String> files, Schema schema, String recordType, String period, PCollection<KV<String, String>> winners) {
        this.files = List.copyOf(files);
        this.schema = schema;
        this.recordType = recordType;
        this.period = period;
        this.winners = winners;
    }

    /** The join with the winners, as a step of its own so the rows' pipeline reads top to bottom. */
    private final class DropSuperseded
            extends PTransform<PCollection<KV<String, KV<String, GenericRecord>>>, PCollection<KV<String, List<byte[]>>>> {
        @Override
        public PCollection<KV<String, List<byte[]>>> expand(PCollection<KV<String, KV<String, GenericRecord>>> byGroup) {
            return Replacement.byWinner("Drop superseded", byGroup, winners, Replacement.DROP_SUPERSEDED, AvroCoder.of(schema));
        }
    }

    @Override
    public PCollection<KV<String, List<byte[]>>> expand(PBegin begin) {
        return begin
                .apply("Published files", Create.of(files).withCoder(StringUtf8Coder.of()))
                .apply("Match", FileIO.matchAll())
                .apply("Open", FileIO.readMatches())
                .apply("Read Parquet", ParquetIO.readFiles(schema))
                .apply("Group of each row", ParDo.of(new Replacement.ByRowGroup(recordType, period)))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), CheckSubmissions.kv(schema)))
                .apply("Drop superseded", new DropSuperseded());
    }
}
