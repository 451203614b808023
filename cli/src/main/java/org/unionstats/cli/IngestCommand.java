package org.unionstats.cli;

import org.unionstats.runs.PseudonymKeys;
import org.unionstats.runs.WarehouseLock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.ingest.IngestConfig;
import org.unionstats.ingest.IngestRunner;
import org.unionstats.ingest.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest every submission of an inbox into the warehouse's Parquet tables (Apache Beam).",
                "Unrecognised options (--runner=FlinkRunner, ...) go to Beam as pipeline options."})
final class IngestCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

    @Option(names = "--inbox", required = true, description = "Batch root: <submitter>/<period>/<record type>.<csv|xlsx|jsonl>.")
    String inbox;

    @Option(names = "--warehouse", required = true, description = "Warehouse root (local folder or URI).")
    String warehouse;

    @Option(names = "--json", description = "Print the receipts as one JSON document.")
    boolean json;

    @Option(names = "--shards", defaultValue = "1", description = "Parquet files per partition per run. Default: ${DEFAULT-VALUE}.")
    int shards;

    @Option(names = "--pseudonym-key-file", description = "HMAC key file (base64). Default: <state folder>/pseudonym.key; env "
            + PseudonymKeys.ENV + " wins.")
    Path keyFile;

    @Unmatched
    List<String> beamArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        for (String arg : beamArgs) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (Beam options look like --name=value)");
            }
        }
        IngestConfig config = new IngestConfig(inbox, warehouse, PseudonymKeys.load(keyFile), shards, beamArgs);
        IngestSummary summary;
        try (org.unionstats.runs.WarehouseLock lock = org.unionstats.runs.WarehouseLock.forCommand(warehouse, "ingest")) {
            summary = new IngestRunner(LOG::info).run(config);
        }
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(summary)));
        } else {
            print(summary);
        }
        return 0;
    }

    static Map<String, Object> toJson(IngestSummary s) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (IngestSummary.FileReceipt f : s.files()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("submitter", f.submitter());
            m.put("period", f.period());
            m.put("record_type", f.recordType());
            m.put("format", f.format());
            m.put("rows_read", f.rowsRead());
            m.put("accepted", f.accepted());
            m.put("duplicates", f.duplicates());
            m.put("quarantined", f.quarantined());
            m.put("status", f.status());
            m.put("replaced_by", f.replacedBy());
            files.add(m);
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("files", s.totals().files());
        totals.put("rows_read", s.totals().rowsRead());
        totals.put("accepted", s.totals().accepted());
        totals.put("duplicates", s.totals().duplicates());
        totals.put("quarantined", s.totals().quarantined());
        totals.put("replaced_files", s.totals().replacedFiles());
        totals.put("refused_files", s.totals().refusedFiles());
        totals.put("unchanged_files", s.unchangedFiles());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run_id", s.runId());
        doc.put("files", files);
        doc.put("totals", totals);
        return doc;
    }

    static void print(IngestSummary s) {
        IngestSummary.Totals t = s.totals();
        System.out.printf("run %s%n", s.runId());
        if (t.files() == 0) {
            System.out.printf("nothing new: %d file(s) were already ingested with the same content%n", s.unchangedFiles());
            return;
        }
        System.out.printf("%,d new file(s) (%d unchanged skipped): %,d rows read = %,d accepted + %,d duplicates + %,d quarantined%n",
                t.files(), s.unchangedFiles(), t.rowsRead(), t.accepted(), t.duplicates(), t.quarantined());
        System.out.printf("%d file(s) replaced by a later submission, %d refused as a whole%n", t.replacedFiles(), t.refusedFiles());
        System.out.println(s.reconciles() ? "every file reconciles: rows_read = accepted + duplicates + quarantined"
                : "WARNING: some receipts do not reconcile");
        s.files().stream().filter(f -> !"current".equals(f.status()) || f.quarantined() > 0).limit(15).forEach(f ->
                System.out.printf("  %-60s %-8s read %,6d  ok %,6d  dup %,4d  quarantined %,4d%s%n", f.path(), f.status(),
                        f.rowsRead(), f.accepted(), f.duplicates(), f.quarantined(),
                        f.replacedBy() == null ? "" : "  → " + f.replacedBy()));
    }
}
