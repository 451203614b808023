package org.unionstats.ingest.pipeline;

import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The rows of one published partition that a run keeps when it rewrites the partition: all
 * but those of submitters whose new submission replaces their earlier one.
 */
public final class ReadKeptRows extends PTransform<PBegin, PCollection<KV<String, GenericRecord>>> {

    private final List<String> files;
    private final Schema schema;
    private final String period;
    private final Set<String> supersededSubmitters;

    public ReadKeptRows(List<String> files, Schema schema, String period, Set<String> supersededSubmitters) {
        this.files = List.copyOf(files);
        this.schema = schema;
        this.period = period;
        this.supersededSubmitters = Set.copyOf(supersededSubmitters);
    }

    @Override
    public PCollection<KV<String, GenericRecord>> expand(PBegin begin) {
        Set<String> superseded = supersededSubmitters;
        String p = period;
        return begin
                .apply("Published files", Create.of(files).withCoder(StringUtf8Coder.of()))
                .apply("Match", FileIO.matchAll())
                .apply("Open", FileIO.readMatches())
                .apply("Read Parquet", ParquetIO.readFiles(schema))
                .apply("Drop superseded", Filter.by((GenericRecord r) -> !superseded.contains(r.get("submitter").toString())))
                .apply("Key by period", WithKeys.of((GenericRecord r) -> p).withKeyType(TypeDescriptors.strings()))
                .setCoder(CheckSubmissions.kv(schema));
    }
}
