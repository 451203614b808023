package org.unionstats.ingest.pipeline;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.unionstats.contract.RecordType;
import org.unionstats.ingest.plan.PlannedFile;
import org.unionstats.validation.ReferenceCodes;

/** Checks each planned file with {@link SubmissionChecker} and routes its rows, quarantine entries and receipt. */
final class CheckSubmissionsFn extends DoFn<PlannedFile, KV<String, GenericRecord>> {

    static final String NAMESPACE = "unionstats.ingest";

    private final byte[] pseudonymKey;
    private final PCollectionView<ReferenceCodes> refsView;
    private final TupleTag<KV<String, GenericRecord>> receiptsTag;
    private final TupleTag<KV<String, GenericRecord>> quarantineTag;
    private final Map<RecordType, TupleTag<KV<String, GenericRecord>>> acceptedTags;
    private final String runId;
    private final long startedAt;

    private final Counter files = Metrics.counter(NAMESPACE, "files");
    private final Counter rowsRead = Metrics.counter(NAMESPACE, "rows_read");
    private final Counter accepted = Metrics.counter(NAMESPACE, "accepted");
    private final Counter quarantined = Metrics.counter(NAMESPACE, "quarantined");

    private transient SubmissionChecker checker;

    CheckSubmissionsFn(byte[] pseudonymKey, PCollectionView<ReferenceCodes> refsView,
            TupleTag<KV<String, GenericRecord>> receiptsTag, TupleTag<KV<String, GenericRecord>> quarantineTag,
            Map<RecordType, TupleTag<KV<String, GenericRecord>>> acceptedTags, String runId, long startedAt) {
        this.pseudonymKey = pseudonymKey.clone();
        this.refsView = refsView;
        this.receiptsTag = receiptsTag;
        this.quarantineTag = quarantineTag;
        this.acceptedTags = acceptedTags;
        this.runId = runId;
        this.startedAt = startedAt;
    }

    /** Reference data comes from the classpath on each worker, not through the serialized DoFn. */
    @Setup
    public void setup() {
        checker = SubmissionChecker.create(pseudonymKey);
    }

    @ProcessElement
    public void process(@Element PlannedFile file, ProcessContext context) throws IOException {
        byte[] bytes = FileBytes.read(file.resource());
        PlannedFile checked = sha256(bytes).equals(file.sha256()) ? file : changedWhileIngesting(file);
        SubmissionOutcome outcome = checker.check(checked, bytes, context.sideInput(refsView), runId, startedAt);
        String partition = file.partition();
        for (GenericRecord row : outcome.accepted()) {
            context.output(acceptedTags.get(file.path().recordType()), KV.of(partition, row));
        }
        for (GenericRecord entry : outcome.quarantine()) {
            context.output(quarantineTag, KV.of(partition, entry));
        }
        context.output(receiptsTag, KV.of(partition, outcome.receipt()));
        files.inc();
        rowsRead.inc((Long) outcome.receipt().get("rows_read"));
        accepted.inc((Long) outcome.receipt().get("accepted"));
        quarantined.inc((Long) outcome.receipt().get("quarantined"));
    }

    /** The file changed between planning and reading: refuse it rather than mislabel it. */
    private static PlannedFile changedWhileIngesting(PlannedFile f) {
        return new PlannedFile(f.relativePath(), f.resource(), f.sha256(), f.modifiedMillis(), null,
                "文件在入库过程中被修改，请在文件写完后重新运行入库",
                "the file changed while it was being ingested; run the ingest again once it is complete", null);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
