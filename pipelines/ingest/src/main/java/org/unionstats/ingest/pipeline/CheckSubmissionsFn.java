package org.unionstats.ingest.pipeline;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.contract.RecordType;
import org.unionstats.ingest.IngestLimits;
import org.unionstats.ingest.inbox.InboxFiles;
import org.unionstats.ingest.plan.PlannedFile;
import org.unionstats.ingest.read.Deadline;
import org.unionstats.validation.ReferenceCodes;
import org.unionstats.warehouse.quarantine.QuarantineCode;

/**
 * Checks each planned file with {@link SubmissionChecker}, isolated ({@link FileIsolation}): a
 * file's failure of any kind is that file's refusal. Emits the file's quarantine entries by
 * partition, and its receipt and accepted rows under a {@link Replacement#token}, with a
 * candidate for its group when it was read: which file counts is decided after every file is
 * checked.
 */
final class CheckSubmissionsFn extends DoFn<PlannedFile, KV<String, GenericRecord>> {

    static final String NAMESPACE = "unionstats.ingest";
    private static final Logger LOG = LoggerFactory.getLogger(CheckSubmissionsFn.class);

    private final byte[] pseudonymKey;
    private final IngestLimits limits;
    private final PCollectionView<ReferenceCodes> refsView;
    private final TupleTag<KV<String, GenericRecord>> receiptsTag;
    private final TupleTag<KV<String, GenericRecord>> quarantineTag;
    private final TupleTag<KV<String, String>> candidatesTag;
    private final Map<RecordType, TupleTag<KV<String, GenericRecord>>> acceptedTags;
    private final String runId;
    private final long startedAt;

    private final Counter files = Metrics.counter(NAMESPACE, "files");
    private final Counter rowsRead = Metrics.counter(NAMESPACE, "rows_read");
    private final Counter accepted = Metrics.counter(NAMESPACE, "accepted");
    private final Counter quarantined = Metrics.counter(NAMESPACE, "quarantined");
    private final Counter refused = Metrics.counter(NAMESPACE, "refused_files");

    private transient SubmissionChecker checker;
    private transient FileIsolation isolation;

    CheckSubmissionsFn(byte[] pseudonymKey, IngestLimits limits, PCollectionView<ReferenceCodes> refsView,
            TupleTag<KV<String, GenericRecord>> receiptsTag, TupleTag<KV<String, GenericRecord>> quarantineTag,
            TupleTag<KV<String, String>> candidatesTag, Map<RecordType, TupleTag<KV<String, GenericRecord>>> acceptedTags,
            String runId, long startedAt) {
        this.pseudonymKey = pseudonymKey.clone();
        this.limits = limits;
        this.refsView = refsView;
        this.receiptsTag = receiptsTag;
        this.quarantineTag = quarantineTag;
        this.candidatesTag = candidatesTag;
        this.acceptedTags = acceptedTags;
        this.runId = runId;
        this.startedAt = startedAt;
    }

    /** Reference data comes from the classpath on each worker, not through the serialized DoFn. */
    @Setup
    public void setup() {
        checker = SubmissionChecker.create(pseudonymKey, limits);
        isolation = new FileIsolation();
    }

    @Teardown
    public void teardown() {
        if (isolation != null) {
            isolation.close();
        }
    }

    @ProcessElement
    public void process(@Element PlannedFile file, ProcessContext context) {
        ReferenceCodes refs = context.sideInput(refsView);
        SubmissionOutcome outcome = isolation.run(() -> check(file, refs), limits.timePerFile(), limits.seconds(),
                reason -> checker.refuse(file, reason, runId, startedAt));
        if (outcome.refused()) {
            refused.inc();
            GenericRecord entry = outcome.quarantine().get(0);
            LOG.info("refused {}: {}", file.sourceFile(), entry.get("error_code"));
        }
        String partition = file.partition();
        String token = Replacement.token(file.groupKey(), file.rank(), partition);
        if (!outcome.refused() && file.groupKey() != null) {
            context.output(candidatesTag, KV.of(file.groupKey(), Replacement.candidate(file.rank(), file.sourceFile())));
            for (GenericRecord row : outcome.accepted()) {
                context.output(acceptedTags.get(file.path().recordType()), KV.of(token, row));
            }
        }
        for (GenericRecord entry : outcome.quarantine()) {
            context.output(quarantineTag, KV.of(partition, entry));
        }
        context.output(receiptsTag, KV.of(token, outcome.receipt()));
        files.inc();
        rowsRead.inc((Long) outcome.receipt().get("rows_read"));
        accepted.inc((Long) outcome.receipt().get("accepted"));
        quarantined.inc((Long) outcome.receipt().get("quarantined"));
    }

    /** Runs on the isolation's worker: reads the file (never one refused while planning), checks it is the planned content, checks it. */
    private SubmissionOutcome check(PlannedFile file, ReferenceCodes refs) throws java.io.IOException {
        Deadline deadline = Deadline.after(limits.timePerFile(), limits.seconds());
        if (!file.isReadable()) {
            return checker.check(file, null, refs, runId, startedAt, deadline);
        }
        byte[] bytes;
        try {
            bytes = InboxFiles.readBounded(file.resource(), limits.maxFileBytes());
        } catch (InboxFiles.FileGrewException e) {
            return checker.refuse(file, changedWhileIngesting(), runId, startedAt);
        }
        if (!InboxFiles.sha256(bytes).equals(file.sha256())) {
            return checker.refuse(file, changedWhileIngesting(), runId, startedAt);
        }
        return checker.check(file, bytes, refs, runId, startedAt, deadline);
    }

    /** The file changed between planning and reading: refuse it rather than mislabel it. */
    static QuarantineCode.Message changedWhileIngesting() {
        return QuarantineCode.CHECK_FAILED.message(Map.of("detail",
                "文件在入库过程中被修改，请在文件写完后重新运行入库 / the file changed while it was being ingested; run the ingest again once it is complete"));
    }
}
