package org.unionstats.ingest.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.RecordType;
import org.unionstats.ingest.IngestLimits;
import org.unionstats.ingest.plan.IngestPlan;
import org.unionstats.ingest.plan.PlannedFile;
import org.unionstats.ingest.plan.PlannedFileCoder;
import org.unionstats.ingest.warehouse.WarehouseFiles;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Builds the ingest pipeline for a plan: check the new files, decide which file of each group
 * counts, merge the winners' accepted rows with the rows each touched partition keeps, and write
 * every output to the run's staging folder. Nothing here depends on a particular runner.
 */
public final class IngestPipeline {

    private IngestPipeline() {}

    public static void build(Pipeline pipeline, IngestPlan plan, ContractCatalog catalog, byte[] pseudonymKey,
            WarehouseLayout layout, int shards) {
        build(pipeline, plan, catalog, pseudonymKey, layout, shards, IngestLimits.defaults());
    }

    public static void build(Pipeline pipeline, IngestPlan plan, ContractCatalog catalog, byte[] pseudonymKey,
            WarehouseLayout layout, int shards, IngestLimits limits) {
        String runId = plan.runId();
        String prefix = "part-" + runId;
        PCollection<PlannedFile> files = pipeline.apply("New files",
                Create.of(plan.newFiles()).withCoder(PlannedFileCoder.of()));
        PCollectionTuple checked = files.apply("Check submissions", new CheckSubmissions(catalog, pseudonymKey, limits,
                plan.existingOrgCodes(), plan.existingCompetitionIds(), plan.issuedLetterItems(), runId, plan.startedAt()));
        PCollection<KV<String, String>> winners = checked.get(CheckSubmissions.WINNERS);

        for (Map.Entry<RecordType, Map<String, Set<String>>> entry : plan.touched().entrySet()) {
            RecordType type = entry.getKey();
            Schema schema = catalog.schema(type);
            List<PCollection<KV<String, List<byte[]>>>> parts = new ArrayList<>();
            parts.add(checked.get(CheckSubmissions.accepted(type)));
            for (String period : entry.getValue().keySet()) {
                List<String> published = WarehouseFiles.files(layout.partition(type.code(), period)).stream()
                        .map(MatchResult.Metadata::resourceId).map(Object::toString).toList();
                if (!published.isEmpty()) {
                    parts.add(pipeline.apply("Keep " + type.code() + " " + period,
                            new ReadKeptRows(published, schema, type.code(), period, winners)));
                }
            }
            PCollectionList.of(parts)
                    .apply("Merge " + type.code(), Flatten.pCollections())
                    .apply("Write " + type.code(), new WritePartitions(layout.stagedTable(runId, type.code()), schema, prefix, shards));
        }

        Schema receiptSchema = ContractCatalog.tableSchema(WarehouseLayout.RECEIPTS);
        List<KV<String, GenericRecord>> carried = new ArrayList<>();
        plan.carriedReceipts().forEach((period, receipts) -> receipts.forEach(r -> carried.add(KV.of(period, r))));
        KvCoder<String, GenericRecord> receiptCoder = CheckSubmissions.kv(receiptSchema);
        PCollection<KV<String, KV<String, GenericRecord>>> earlierByGroup = pipeline
                .apply("Earlier receipts", Create.of(carried).withCoder(receiptCoder))
                .apply("Group of each earlier receipt", ParDo.of(new Replacement.ByReceiptGroup()))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), receiptCoder));
        PCollection<KV<String, List<byte[]>>> earlierReceipts = Replacement.byWinner("Mark replaced", earlierByGroup, winners,
                Replacement.MARK_CARRIED, receiptCoder.getValueCoder());
        PCollectionList.of(checked.get(CheckSubmissions.RECEIPTS)).and(earlierReceipts)
                .apply("Merge receipts", Flatten.pCollections())
                .apply("Write receipts", new WritePartitions(
                        layout.stagedTable(runId, WarehouseLayout.RECEIPTS), receiptSchema, prefix, 1));
        Schema quarantineSchema = ContractCatalog.tableSchema(WarehouseLayout.QUARANTINE);
        checked.get(CheckSubmissions.QUARANTINE)
                .apply("Encode quarantine", ParDo.of(new EncodedRows.One(AvroCoder.of(quarantineSchema))))
                .setCoder(EncodedRows.KEYED)
                .apply("Write quarantine", new WritePartitions(layout.stagedTable(runId, WarehouseLayout.QUARANTINE),
                        quarantineSchema, prefix, shards));
    }
}
