package org.unionstats.cli.ingest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.ingest.IngestSummary;
import org.unionstats.warehouse.receipts.ReceiptStatus;

/** An ingest's receipts as people read them (text) and as scripts read them ({@code --json}). */
public final class IngestReport {

    /** Files listed one by one in the text report: those not current or with quarantined rows, up to this many. */
    private static final int LISTED_FILES = 15;

    private IngestReport() {}

    public static Map<String, Object> toJson(IngestSummary s) {
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
            m.put("status", f.status().code());
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

    public static void print(IngestSummary s, PrintStream out) {
        IngestSummary.Totals t = s.totals();
        out.printf("run %s%n", s.runId());
        if (t.files() == 0) {
            out.printf("nothing new: %d file(s) were already ingested with the same content%n", s.unchangedFiles());
            return;
        }
        out.printf("%,d new file(s) (%d unchanged skipped): %,d rows read = %,d accepted + %,d duplicates + %,d quarantined%n",
                t.files(), s.unchangedFiles(), t.rowsRead(), t.accepted(), t.duplicates(), t.quarantined());
        out.printf("%d file(s) replaced by a later submission, %d refused as a whole%n", t.replacedFiles(), t.refusedFiles());
        out.println(s.reconciles() ? "every file reconciles: rows_read = accepted + duplicates + quarantined"
                : "WARNING: some receipts do not reconcile");
        s.files().stream().filter(f -> f.status() != ReceiptStatus.CURRENT || f.quarantined() > 0).limit(LISTED_FILES).forEach(f ->
                out.printf("  %-60s %-8s read %,6d  ok %,6d  dup %,4d  quarantined %,4d%s%n", f.path(), f.status().code(),
                        f.rowsRead(), f.accepted(), f.duplicates(), f.quarantined(),
                        f.replacedBy() == null ? "" : "  → " + f.replacedBy()));
    }
}
