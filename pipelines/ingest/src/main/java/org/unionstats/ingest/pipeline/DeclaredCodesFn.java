package org.unionstats.ingest.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.HeaderMapper;
import org.unionstats.contract.RecordType;
import org.unionstats.contract.SourceColumn;
import org.unionstats.ingest.IngestLimits;
import org.unionstats.ingest.inbox.InboxFiles;
import org.unionstats.ingest.plan.PlannedFile;
import org.unionstats.ingest.read.Deadline;
import org.unionstats.ingest.read.RowSink;
import org.unionstats.ingest.read.SourceRow;
import org.unionstats.ingest.read.SubmissionReader;
import org.unionstats.text.TextHazards;
import org.unionstats.text.TextNormalizer;

/**
 * Collects the org codes and competition ids a batch declares, so rows of the same batch may
 * refer to them whatever order the files are read in. Emits {@code KV("org", code)} and
 * {@code KV("competition", id)}. Reads every declaring file that is to be read, with the same
 * limits and isolation as the check; a file that cannot be read declares nothing (it is refused
 * by the check). Codes of a file that later loses to a newer one of its group are known too.
 */
final class DeclaredCodesFn extends DoFn<PlannedFile, KV<String, String>> {

    static final String ORG = "org";
    static final String COMPETITION = "competition";
    /** An item of an issued letter: known from the warehouse only, never declared by a batch. */
    static final String LETTER_ITEM = "letter_item";

    private final IngestLimits limits;
    private transient ContractCatalog catalog;
    private transient FileIsolation isolation;

    DeclaredCodesFn(IngestLimits limits) {
        this.limits = limits;
    }

    @Setup
    public void setup() {
        catalog = ContractCatalog.load();
        isolation = new FileIsolation();
    }

    @Teardown
    public void teardown() {
        if (isolation != null) {
            isolation.close();
        }
    }

    static KV<String, String> code(String kind, String code) {
        return KV.of(kind, code);
    }

    @ProcessElement
    public void process(@Element PlannedFile file, OutputReceiver<KV<String, String>> out) {
        RecordType type = file.path().recordType();
        String kind = type == RecordType.ORG_UNITS ? ORG : COMPETITION;
        List<String> codes = isolation.run(() -> read(file), limits.timePerFile(), limits.seconds(), reason -> List.of());
        codes.forEach(c -> out.output(code(kind, c)));
    }

    private List<String> read(PlannedFile file) throws java.io.IOException {
        byte[] bytes = InboxFiles.readBounded(file.resource(), limits.maxFileBytes());
        if (!InboxFiles.sha256(bytes).equals(file.sha256())) {
            return List.of();
        }
        RecordType type = file.path().recordType();
        String field = type == RecordType.ORG_UNITS ? "org_code" : "competition_id";
        List<String> codes = new ArrayList<>();
        int[] index = {-1};
        SubmissionReader.read(file.path().format(), bytes, limits, Deadline.after(limits.timePerFile(), limits.seconds()), new RowSink() {
            @Override
            public void header(List<String> headers, String format) {
                HeaderMapper.Mapping mapping = new HeaderMapper(catalog.columns(type)).map(headers);
                for (int i = 0; i < mapping.columns().size(); i++) {
                    SourceColumn c = mapping.columns().get(i);
                    if (c != null && c.field().equals(field)) {
                        index[0] = i;
                    }
                }
            }

            @Override
            public void row(SourceRow row) {
                int i = index[0];
                if (i >= 0 && i < row.cells().size() && codes.size() < limits.maxRows()) {
                    String raw = row.cells().get(i);
                    if (raw == null || TextHazards.hasAny(raw) || raw.length() > limits.maxCellChars()) {
                        return;
                    }
                    String code = TextNormalizer.normalize(raw);
                    if (code != null && !code.isEmpty()) {
                        codes.add(code);
                    }
                }
            }
        });
        return codes;
    }
}
