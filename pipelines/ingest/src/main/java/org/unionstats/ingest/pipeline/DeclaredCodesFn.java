package org.unionstats.ingest.pipeline;

import java.io.IOException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.HeaderMapper;
import org.unionstats.contract.RecordType;
import org.unionstats.contract.SourceColumn;
import org.unionstats.ingest.plan.PlannedFile;
import org.unionstats.ingest.read.SourceRow;
import org.unionstats.ingest.read.SubmissionReader;
import org.unionstats.ingest.read.SubmissionTable;
import org.unionstats.ingest.read.UnreadableFileException;
import org.unionstats.text.TextNormalizer;

/**
 * Collects the org codes and competition ids a batch declares, so rows of the same batch may
 * refer to them whatever order the files are read in. Emits {@code KV("org", code)} and
 * {@code KV("competition", id)}; unreadable files declare nothing (they are refused later).
 */
final class DeclaredCodesFn extends DoFn<PlannedFile, KV<String, String>> {

    static final String ORG = "org";
    static final String COMPETITION = "competition";

    private transient ContractCatalog catalog;

    @Setup
    public void setup() {
        catalog = ContractCatalog.load();
    }

    static KV<String, String> code(String kind, String code) {
        return KV.of(kind, code);
    }

    @ProcessElement
    public void process(@Element PlannedFile file, OutputReceiver<KV<String, String>> out) throws IOException {
        RecordType type = file.path().recordType();
        String field = type == RecordType.ORG_UNITS ? "org_code" : "competition_id";
        String kind = type == RecordType.ORG_UNITS ? ORG : COMPETITION;
        SubmissionTable table;
        try {
            table = SubmissionReader.read(file.path().format(), FileBytes.read(file.resource()));
        } catch (UnreadableFileException e) {
            return;
        }
        HeaderMapper.Mapping mapping = new HeaderMapper(catalog.columns(type)).map(table.headers());
        int index = -1;
        for (int i = 0; i < mapping.columns().size(); i++) {
            SourceColumn c = mapping.columns().get(i);
            if (c != null && c.field().equals(field)) {
                index = i;
            }
        }
        if (index < 0) {
            return;
        }
        for (SourceRow row : table.rows()) {
            if (index < row.cells().size()) {
                String code = TextNormalizer.normalize(row.cells().get(index));
                if (code != null && !code.isEmpty()) {
                    out.output(code(kind, code));
                }
            }
        }
    }
}
