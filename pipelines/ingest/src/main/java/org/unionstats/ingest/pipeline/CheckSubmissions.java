package org.unionstats.ingest.pipeline;
import org.unionstats.warehouse.WarehouseLayout;


import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.RecordType;
import org.unionstats.ingest.plan.PlannedFile;
import org.unionstats.validation.ReferenceCodes;

/**
 * Planned files in; out, keyed by partition (period): accepted rows per record type,
 * quarantine entries and receipts. Codes the batch declares (org_units, competitions) are
 * gathered first, so references within one batch resolve whatever order files arrive in.
 */
public final class CheckSubmissions extends PTransform<PCollection<PlannedFile>, PCollectionTuple> {

    public static final TupleTag<KV<String, GenericRecord>> RECEIPTS = new TupleTag<>("receipts") {};
    public static final TupleTag<KV<String, GenericRecord>> QUARANTINE = new TupleTag<>("quarantine") {};
    private static final Map<RecordType, TupleTag<KV<String, GenericRecord>>> ACCEPTED = new EnumMap<>(RecordType.class);

    static {
        for (RecordType type : RecordType.values()) {
            ACCEPTED.put(type, new TupleTag<>(type.code()) {});
        }
    }

    private final ContractCatalog catalog;
    private final byte[] pseudonymKey;
    private final Set<String> existingOrgs;
    private final Set<String> existingCompetitions;
    private final String runId;
    private final long startedAt;

    public CheckSubmissions(ContractCatalog catalog, byte[] pseudonymKey, Set<String> existingOrgs,
            Set<String> existingCompetitions, String runId, long startedAt) {
        this.catalog = catalog;
        this.pseudonymKey = pseudonymKey.clone();
        this.existingOrgs = existingOrgs;
        this.existingCompetitions = existingCompetitions;
        this.runId = runId;
        this.startedAt = startedAt;
    }

    public static TupleTag<KV<String, GenericRecord>> accepted(RecordType type) {
        return ACCEPTED.get(type);
    }

    @Override
    public PCollectionTuple expand(PCollection<PlannedFile> files) {
        // Codes the warehouse has, plus those this batch declares: KV(kind, code).
        List<KV<String, String>> existing = new java.util.ArrayList<>();
        existingOrgs.forEach(c -> existing.add(DeclaredCodesFn.code(DeclaredCodesFn.ORG, c)));
        existingCompetitions.forEach(c -> existing.add(DeclaredCodesFn.code(DeclaredCodesFn.COMPETITION, c)));
        PCollection<KV<String, String>> declared = files
                .apply("Declaring files", Filter.by((PlannedFile f) -> f.isCurrent()
                        && (f.path().recordType() == RecordType.ORG_UNITS || f.path().recordType() == RecordType.COMPETITIONS)))
                .apply("Read declared codes", ParDo.of(new DeclaredCodesFn()));
        PCollectionView<ReferenceCodes> refs = PCollectionList
                .of(declared)
                .and(files.getPipeline().apply("Warehouse codes", Create.of(existing)
                        .withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))))
                .apply("All codes", Flatten.pCollections())
                .apply("Known codes", Combine.globally(new CollectReferenceCodes()).asSingletonView());

        List<TupleTag<?>> others = new java.util.ArrayList<>(ACCEPTED.values());
        others.add(QUARANTINE);
        PCollectionTuple out = files
                .apply("Check rows", ParDo.of(new CheckSubmissionsFn(pseudonymKey, refs, RECEIPTS, QUARANTINE, ACCEPTED, runId, startedAt))
                        .withSideInputs(refs)
                        .withOutputTags(RECEIPTS, TupleTagList.of(others)));
        out.get(RECEIPTS).setCoder(kv(ContractCatalog.tableSchema(WarehouseLayout.RECEIPTS)));
        out.get(QUARANTINE).setCoder(kv(ContractCatalog.tableSchema(WarehouseLayout.QUARANTINE)));
        ACCEPTED.forEach((type, tag) -> out.get(tag).setCoder(kv(catalog.schema(type))));
        return out;
    }

    static KvCoder<String, GenericRecord> kv(org.apache.avro.Schema schema) {
        return KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(schema));
    }
}
