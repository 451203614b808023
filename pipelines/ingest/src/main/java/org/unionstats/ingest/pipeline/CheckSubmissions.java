package org.unionstats.ingest.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.RecordType;
import org.unionstats.ingest.IngestLimits;
import org.unionstats.ingest.plan.PlannedFile;
import org.unionstats.validation.ReferenceCodes;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Planned files in; out, keyed by partition (period): accepted rows per record type of the files
 * that count, quarantine entries and receipts with their final status, and the winner of every
 * submission group a file of this batch won; {@link #WINNERS} carries every group's candidates (group →
 * {@code "<rank>\t<source file>"}), the latest of which won.
 * Codes the batch declares (org_units, competitions) are gathered first, so references within
 * one batch resolve whatever order files arrive in.
 */
public final class CheckSubmissions extends PTransform<PCollection<PlannedFile>, PCollectionTuple> {

    /** Receipts with their final status, keyed by partition, as batches of encoded rows ({@link EncodedRows}). */
    public static final TupleTag<KV<String, List<byte[]>>> RECEIPTS = new TupleTag<>("receipts") {};
    public static final TupleTag<KV<String, GenericRecord>> QUARANTINE = new TupleTag<>("quarantine") {};
    /** For each group a new file won: the winning file's rank and source file. */
    public static final TupleTag<KV<String, String>> WINNERS = new TupleTag<>("winners") {};
    private static final TupleTag<KV<String, GenericRecord>> DRAFT_RECEIPTS = new TupleTag<>("draft receipts") {};
    private static final TupleTag<KV<String, String>> CANDIDATES = new TupleTag<>("candidates") {};
    private static final Map<RecordType, TupleTag<KV<String, List<byte[]>>>> ACCEPTED = new EnumMap<>(RecordType.class);
    private static final Map<RecordType, TupleTag<KV<String, GenericRecord>>> CHECKED = new EnumMap<>(RecordType.class);

    static {
        for (RecordType type : RecordType.values()) {
            ACCEPTED.put(type, new TupleTag<>(type.code()) {});
            CHECKED.put(type, new TupleTag<>("checked " + type.code()) {});
        }
    }

    private final ContractCatalog catalog;
    private final byte[] pseudonymKey;
    private final IngestLimits limits;
    private final Set<String> existingOrgs;
    private final Set<String> existingCompetitions;
    private final Set<String> letterItems;
    private final String runId;
    private final long startedAt;

    public CheckSubmissions(ContractCatalog catalog, byte[] pseudonymKey, Set<String> existingOrgs,
            Set<String> existingCompetitions, String runId, long startedAt) {
        this(catalog, pseudonymKey, IngestLimits.defaults(), existingOrgs, existingCompetitions, Set.of(), runId, startedAt);
    }

    /** @param letterItems the items of the letters issued so far, which feedback may answer */
    public CheckSubmissions(ContractCatalog catalog, byte[] pseudonymKey, IngestLimits limits, Set<String> existingOrgs,
            Set<String> existingCompetitions, Set<String> letterItems, String runId, long startedAt) {
        this.catalog = catalog;
        this.pseudonymKey = pseudonymKey.clone();
        this.limits = limits;
        this.existingOrgs = existingOrgs;
        this.existingCompetitions = existingCompetitions;
        this.letterItems = letterItems;
        this.runId = runId;
        this.startedAt = startedAt;
    }

    /** The accepted rows of the files that count, keyed by partition, as batches of encoded rows ({@link EncodedRows}). */
    public static TupleTag<KV<String, List<byte[]>>> accepted(RecordType type) {
        return ACCEPTED.get(type);
    }

    @Override
    public PCollectionTuple expand(PCollection<PlannedFile> files) {
        // Codes the warehouse has, plus those this batch declares: KV(kind, code).
        List<KV<String, String>> existing = new java.util.ArrayList<>();
        existingOrgs.forEach(c -> existing.add(DeclaredCodesFn.code(DeclaredCodesFn.ORG, c)));
        existingCompetitions.forEach(c -> existing.add(DeclaredCodesFn.code(DeclaredCodesFn.COMPETITION, c)));
        letterItems.forEach(c -> existing.add(DeclaredCodesFn.code(DeclaredCodesFn.LETTER_ITEM, c)));
        PCollection<KV<String, String>> declared = files
                .apply("Declaring files", Filter.by((PlannedFile f) -> f.isReadable()
                        && (f.path().recordType() == RecordType.ORG_UNITS || f.path().recordType() == RecordType.COMPETITIONS)))
                .apply("Read declared codes", ParDo.of(new DeclaredCodesFn(limits)));
        PCollectionView<ReferenceCodes> refs = PCollectionList
                .of(declared)
                .and(files.getPipeline().apply("Warehouse codes", Create.of(existing)
                        .withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))))
                .apply("All codes", Flatten.pCollections())
                .apply("Known codes", Combine.globally(new CollectReferenceCodes()).asSingletonView());

        List<TupleTag<?>> others = new java.util.ArrayList<>(CHECKED.values());
        others.add(QUARANTINE);
        others.add(CANDIDATES);
        PCollectionTuple checked = files
                .apply("Check rows", ParDo.of(new CheckSubmissionsFn(pseudonymKey, limits, refs, DRAFT_RECEIPTS, QUARANTINE, CANDIDATES,
                                CHECKED, runId, startedAt))
                        .withSideInputs(refs)
                        .withOutputTags(DRAFT_RECEIPTS, TupleTagList.of(others)));
        KvCoder<String, GenericRecord> receiptCoder = kv(ContractCatalog.tableSchema(WarehouseLayout.RECEIPTS));
        checked.get(DRAFT_RECEIPTS).setCoder(receiptCoder);
        checked.get(QUARANTINE).setCoder(kv(ContractCatalog.tableSchema(WarehouseLayout.QUARANTINE)));
        checked.get(CANDIDATES).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
        CHECKED.forEach((type, tag) -> checked.get(tag).setCoder(kv(catalog.schema(type))));

        // The latest file of each group that was read wins; the rest follows from the winners.
        PCollection<KV<String, String>> winners = checked.get(CANDIDATES);
        PCollectionTuple out = PCollectionTuple.of(WINNERS, winners)
                .and(QUARANTINE, checked.get(QUARANTINE))
                .and(RECEIPTS, Replacement.byWinner("Final status", byGroup("receipt", checked.get(DRAFT_RECEIPTS), receiptCoder),
                        winners, Replacement.FINAL_STATUS, receiptCoder.getValueCoder()));
        for (RecordType type : RecordType.values()) {
            KvCoder<String, GenericRecord> coder = kv(catalog.schema(type));
            out = out.and(ACCEPTED.get(type), Replacement.byWinner("Counting " + type.code(),
                    byGroup(type.code(), checked.get(CHECKED.get(type)), coder), winners, Replacement.KEEP_WINNING_ROWS,
                    coder.getValueCoder()));
        }
        return out;
    }

    private static PCollection<KV<String, KV<String, GenericRecord>>> byGroup(String name, PCollection<KV<String, GenericRecord>> byToken,
            KvCoder<String, GenericRecord> coder) {
        return byToken.apply("Group of each " + name, ParDo.of(new Replacement.ByTokenGroup()))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), coder));
    }

    static KvCoder<String, GenericRecord> kv(org.apache.avro.Schema schema) {
        return KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(schema));
    }
}
