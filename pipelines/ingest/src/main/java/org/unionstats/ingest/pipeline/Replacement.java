package org.unionstats.ingest.pipeline;

import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.receipts.ReceiptStatus;

/**
 * Which file of a submission group counts, decided after the check: the latest file (highest
 * rank) that was read and had rows. A refused file (damaged, empty, over a limit) supersedes
 * nothing, so the earlier submission's rows keep counting and its receipt stays {@code current}
 * until a readable correction arrives.
 *
 * <p>Each checked file that was read gives a candidate {@code KV(group, "<rank>\t<source file>")};
 * the winners are the per-group maximum, used as a map side input by the steps here: keep the
 * winners' rows, write every new receipt's final status, mark earlier receipts replaced, and drop
 * the superseded rows of the published partitions.
 */
final class Replacement {

    private static final char SEP = '\u0001';

    private Replacement() {}

    /** The key a new file's rows and receipt travel under until the winners are known. */
    static String token(String group, int rank, String partition) {
        return (group == null ? "" : group) + SEP + rank + SEP + partition;
    }

    static String group(String token) {
        return token.substring(0, token.indexOf(SEP));
    }

    static int rank(String token) {
        int a = token.indexOf(SEP);
        return Integer.parseInt(token.substring(a + 1, token.indexOf(SEP, a + 1)));
    }

    static String partition(String token) {
        return token.substring(token.lastIndexOf(SEP) + 1);
    }

    static String candidate(int rank, String sourceFile) {
        return rank + "\t" + sourceFile;
    }

    static int candidateRank(String candidate) {
        return Integer.parseInt(candidate.substring(0, candidate.indexOf('\t')));
    }

    static String candidateSource(String candidate) {
        return candidate.substring(candidate.indexOf('\t') + 1);
    }

    /** The latest of a group's candidates. */
    static final class Latest implements SerializableFunction<Iterable<String>, String> {
        @Override
        public String apply(Iterable<String> candidates) {
            String best = null;
            for (String c : candidates) {
                if (best == null || candidateRank(c) > candidateRank(best)) {
                    best = c;
                }
            }
            return best;
        }
    }

    /** The group of a published row or receipt: record type, period partition, submitter. */
    static String group(String recordType, String period, Object submitter) {
        return recordType + "|" + period + "|" + submitter;
    }

    /** Keeps the rows of the files that won their group, keyed by partition. */
    static final class KeepWinningRows extends DoFn<KV<String, GenericRecord>, KV<String, GenericRecord>> {
        private final PCollectionView<Map<String, String>> winners;

        KeepWinningRows(PCollectionView<Map<String, String>> winners) {
            this.winners = winners;
        }

        @ProcessElement
        public void process(ProcessContext c) {
            String token = c.element().getKey();
            String winner = c.sideInput(winners).get(group(token));
            if (winner != null && candidateRank(winner) == rank(token)) {
                c.output(KV.of(partition(token), c.element().getValue()));
            }
        }
    }

    /** A new file's receipt with its final status: refused stays refused; a file that was read is current if it won, else replaced by the winner. */
    static final class FinalizeReceipts extends DoFn<KV<String, GenericRecord>, KV<String, GenericRecord>> {
        private final PCollectionView<Map<String, String>> winners;

        FinalizeReceipts(PCollectionView<Map<String, String>> winners) {
            this.winners = winners;
        }

        @ProcessElement
        public void process(ProcessContext c) {
            String token = c.element().getKey();
            GenericRecord receipt = c.element().getValue();
            String partition = partition(token);
            if (ReceiptStatus.fromCode(receipt.get("status").toString()) == ReceiptStatus.REFUSED) {
                c.output(KV.of(partition, receipt));
                return;
            }
            String winner = c.sideInput(winners).get(group(token));
            if (winner == null || candidateRank(winner) == rank(token)) {
                c.output(KV.of(partition, receipt));
            } else {
                c.output(KV.of(partition, replaced(receipt, candidateSource(winner))));
            }
        }
    }

    /** An earlier receipt: replaced when a new file of its group won, otherwise as it was. */
    static final class MarkCarriedReceipts extends DoFn<KV<String, GenericRecord>, KV<String, GenericRecord>> {
        private final PCollectionView<Map<String, String>> winners;

        MarkCarriedReceipts(PCollectionView<Map<String, String>> winners) {
            this.winners = winners;
        }

        @ProcessElement
        public void process(ProcessContext c) {
            String partition = c.element().getKey();
            GenericRecord receipt = c.element().getValue();
            Object type = receipt.get("record_type");
            Object submitter = receipt.get("submitter");
            if (type != null && submitter != null && !WarehouseLayout.UNKNOWN_PERIOD.equals(partition)
                    && ReceiptStatus.fromCode(receipt.get("status").toString()) == ReceiptStatus.CURRENT) {
                String winner = c.sideInput(winners).get(group(type.toString(), partition, submitter));
                if (winner != null) {
                    c.output(KV.of(partition, replaced(receipt, candidateSource(winner))));
                    return;
                }
            }
            c.output(c.element());
        }
    }

    /** The rows of a published partition minus those of submitters whose group a new file won. */
    static final class DropSuperseded extends DoFn<GenericRecord, KV<String, GenericRecord>> {
        private final PCollectionView<Map<String, String>> winners;
        private final String recordType;
        private final String period;

        DropSuperseded(PCollectionView<Map<String, String>> winners, String recordType, String period) {
            this.winners = winners;
            this.recordType = recordType;
            this.period = period;
        }

        @ProcessElement
        public void process(ProcessContext c) {
            GenericRecord row = c.element();
            if (!c.sideInput(winners).containsKey(group(recordType, period, row.get("submitter")))) {
                c.output(KV.of(period, row));
            }
        }
    }

    private static GenericRecord replaced(GenericRecord receipt, String by) {
        GenericData.Record updated = new GenericData.Record((GenericData.Record) receipt, true);
        updated.put("status", ReceiptStatus.REPLACED.code());
        updated.put("replaced_by", by);
        return updated;
    }
}
