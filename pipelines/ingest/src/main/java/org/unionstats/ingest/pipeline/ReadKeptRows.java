package org.unionstats.ingest.pipeline;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The rows of one published partition that a run keeps when it rewrites the partition: all
 * but those of submitters whose group a new file won ({@link CheckSubmissions#WINNERS}). A
 * group whose new files were all refused keeps its earlier rows.
 */
public final class ReadKeptRows extends PTransform<PBegin, PCollection<KV<String, GenericRecord>>> {

    private final List<String> files;
    private final Schema schema;
    private final String recordType;
    private final String period;
    private final PCollectionView<Map<String, String>> winners;

    public ReadKeptRows(List<String> files, Schema schema, String recordType, String period, PCollectionView<Map<String, String>> winners) {
        this.files = List.copyOf(files);
        this.schema = schema;
        this.recordType = recordType;
        this.period = period;
        this.winners = winners;
    }

    @Override
    public PCollection<KV<String, GenericRecord>> expand(PBegin begin) {
        return begin
                .apply("Published files", Create.of(files).withCoder(StringUtf8Coder.of()))
                .apply("Match", FileIO.matchAll())
                .apply("Open", FileIO.readMatches())
                .apply("Read Parquet", ParquetIO.readFiles(schema))
                .apply("Drop superseded", ParDo.of(new Replacement.DropSuperseded(winners, recordType, period)).withSideInputs(winners))
                .setCoder(CheckSubmissions.kv(schema));
    }
}
