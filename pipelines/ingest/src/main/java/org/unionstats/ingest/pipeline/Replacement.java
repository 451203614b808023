package org.unionstats.ingest.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.receipts.ReceiptStatus;

/**
 * Which file of a submission group counts, decided after the check: the latest file (highest
 * rank) that was read and had rows. A refused file (damaged, empty, over a limit) supersedes
 * nothing, so the earlier submission's rows keep counting and its receipt stays {@code current}
 * until a readable correction arrives.
 *
 * <p>Each checked file that was read gives a candidate {@code KV(group, "<rank>\t<source file>")};
 * the winners are the per-group maximum, found where they are joined ({@link #byWinner}) to what the steps here
 * decide: keep the winners' rows, write every new receipt's final status, mark earlier receipts
 * replaced, and drop the superseded rows of the published partitions.
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

    /** The group of a published row or receipt: record type, period partition, submitter. */
    static String group(String recordType, String period, Object submitter) {
        return recordType + "|" + period + "|" + submitter;
    }

    /**
     * What becomes of one batch of rows once its group's winner is known.
     *
     * @param winner the candidate that won the batch's group, or null when no file of this batch won it
     * @param batch the rows of one file and partition (or of one published partition and submitter), encoded, under
     *     their token or partition
     * @param rowCoder the rows' coder, for a decision that changes them
     */
    interface Decision extends Serializable {
        void apply(String winner, KV<String, List<byte[]>> batch, Coder<GenericRecord> rowCoder,
                DoFn.OutputReceiver<KV<String, List<byte[]>>> out) throws CoderException;
    }

    /**
     * Joins each value (keyed by its group) to its group's winner, the latest of the group's
     * candidates, and applies the decision. A join by shard rather than a side input or a join by
     * group: the DirectRunner holds back every main-input element until a side input is ready, and
     * gives every key of a grouping a bundle of its own; either made a province's rows take minutes. The number of
     * shards is the pipeline's {@link IngestOptions#getWinnerJoinShards()}. The values cross the join in batches of
     * encoded rows ({@link EncodedRows}), and leave it so.
     *
     * @param candidates group → {@code "<rank>\t<source file>"} of every file of the batch that was read
     * @param rowCoder the values' rows' coder
     */
    static PCollection<KV<String, List<byte[]>>> byWinner(String name, PCollection<KV<String, KV<String, GenericRecord>>> byGroup,
            PCollection<KV<String, String>> candidates, Decision decision, Coder<GenericRecord> rowCoder) {
        int shards = byGroup.getPipeline().getOptions().as(IngestOptions.class).getWinnerJoinShards();
        TupleTag<KV<String, String>> candidateTag = new TupleTag<>("candidate");
        TupleTag<KV<String, KV<String, List<byte[]>>>> valueTag = new TupleTag<>("value");
        PCollection<KV<Integer, KV<String, String>>> candidatesByShard = candidates
                .apply(name + ": shard the candidates", ParDo.of(new ToShard<String>(shards)))
                .setCoder(KvCoder.of(VarIntCoder.of(), candidates.getCoder()));
        KvCoder<String, KV<String, List<byte[]>>> batches = KvCoder.of(StringUtf8Coder.of(), EncodedRows.KEYED);
        PCollection<KV<Integer, KV<String, KV<String, List<byte[]>>>>> valuesByShard = byGroup
                .apply(name + ": encode the values", ParDo.of(new EncodedRows.Batch(rowCoder)))
                .setCoder(batches)
                .apply(name + ": shard the values", ParDo.of(new ToShard<KV<String, List<byte[]>>>(shards)))
                .setCoder(KvCoder.of(VarIntCoder.of(), batches));
        return KeyedPCollectionTuple.of(candidateTag, candidatesByShard).and(valueTag, valuesByShard)
                .apply(name + ": join the candidates", CoGroupByKey.create())
                .apply(name, ParDo.of(new ApplyDecision(candidateTag, valueTag, decision, rowCoder)))
                .setCoder(EncodedRows.KEYED);
    }

    /** Keys a value by the shard of its group. */
    private static final class ToShard<V> extends DoFn<KV<String, V>, KV<Integer, KV<String, V>>> {
        private final int shards;

        ToShard(int shards) {
            this.shards = shards;
        }

        @ProcessElement
        public void process(@Element KV<String, V> e, OutputReceiver<KV<Integer, KV<String, V>>> out) {
            out.output(KV.of(Math.floorMod(e.getKey().hashCode(), shards), e));
        }
    }

    private static final class ApplyDecision extends DoFn<KV<Integer, CoGbkResult>, KV<String, List<byte[]>>> {
        private final TupleTag<KV<String, String>> candidateTag;
        private final TupleTag<KV<String, KV<String, List<byte[]>>>> valueTag;
        private final Decision decision;
        private final Coder<GenericRecord> rowCoder;

        ApplyDecision(TupleTag<KV<String, String>> candidateTag, TupleTag<KV<String, KV<String, List<byte[]>>>> valueTag,
                Decision decision, Coder<GenericRecord> rowCoder) {
            this.candidateTag = candidateTag;
            this.valueTag = valueTag;
            this.decision = decision;
            this.rowCoder = rowCoder;
        }

        @ProcessElement
        public void process(@Element KV<Integer, CoGbkResult> joined, OutputReceiver<KV<String, List<byte[]>>> out)
                throws CoderException {
            Map<String, String> winners = new HashMap<>();
            for (KV<String, String> c : joined.getValue().getAll(candidateTag)) {
                winners.merge(c.getKey(), c.getValue(), (a, b) -> candidateRank(b) > candidateRank(a) ? b : a);
            }
            for (KV<String, KV<String, List<byte[]>>> value : joined.getValue().getAll(valueTag)) {
                decision.apply(winners.get(value.getKey()), value.getValue(), rowCoder, out);
            }
        }
    }

    /** Keys a new file's rows or receipt (keyed by its token) by the token's group. */
    static final class ByTokenGroup extends DoFn<KV<String, GenericRecord>, KV<String, KV<String, GenericRecord>>> {
        @ProcessElement
        public void process(@Element KV<String, GenericRecord> e, OutputReceiver<KV<String, KV<String, GenericRecord>>> out) {
            out.output(KV.of(group(e.getKey()), e));
        }
    }

    /** Keys an earlier receipt (keyed by its partition) by its group, when a new file could replace it. */
    static final class ByReceiptGroup extends DoFn<KV<String, GenericRecord>, KV<String, KV<String, GenericRecord>>> {
        /** The key of receipts no new file can replace (refused, replaced, or without a group). */
        static final String NONE = "\u0000";

        @ProcessElement
        public void process(@Element KV<String, GenericRecord> e, OutputReceiver<KV<String, KV<String, GenericRecord>>> out) {
            GenericRecord receipt = e.getValue();
            Object type = receipt.get("record_type");
            Object submitter = receipt.get("submitter");
            boolean replaceable = type != null && submitter != null && !WarehouseLayout.UNKNOWN_PERIOD.equals(e.getKey())
                    && ReceiptStatus.fromCode(receipt.get("status").toString()) == ReceiptStatus.CURRENT;
            out.output(KV.of(replaceable ? group(type.toString(), e.getKey(), submitter) : NONE, e));
        }
    }

    /** Keys a published row of one partition by its group. */
    static final class ByRowGroup extends DoFn<GenericRecord, KV<String, KV<String, GenericRecord>>> {
        private final String recordType;
        private final String period;

        ByRowGroup(String recordType, String period) {
            this.recordType = recordType;
            this.period = period;
        }

        @ProcessElement
        public void process(@Element GenericRecord row, OutputReceiver<KV<String, KV<String, GenericRecord>>> out) {
            out.output(KV.of(group(recordType, period, row.get("submitter")), KV.of(period, row)));
        }
    }

    /** Keeps the rows of the files that won their group, keyed by partition. */
    static final Decision KEEP_WINNING_ROWS = (winner, rows, coder, out) -> {
        if (winner != null && candidateRank(winner) == rank(rows.getKey())) {
            out.output(KV.of(partition(rows.getKey()), rows.getValue()));
        }
    };

    /** A new file's receipt with its final status: refused stays refused; a file that was read is current if it won, else replaced by the winner. */
    static final Decision FINAL_STATUS = (winner, receipts, coder, out) -> {
        String token = receipts.getKey();
        List<byte[]> done = new ArrayList<>();
        for (byte[] encoded : receipts.getValue()) {
            GenericRecord receipt = EncodedRows.decode(coder, encoded);
            boolean refused = ReceiptStatus.fromCode(receipt.get("status").toString()) == ReceiptStatus.REFUSED;
            done.add(refused || winner == null || candidateRank(winner) == rank(token)
                    ? encoded : EncodedRows.encode(coder, replaced(receipt, candidateSource(winner))));
        }
        out.output(KV.of(partition(token), done));
    };

    /** An earlier receipt: replaced when a new file of its group won, otherwise as it was. */
    static final Decision MARK_CARRIED = (winner, receipts, coder, out) -> {
        if (winner == null) {
            out.output(receipts);
            return;
        }
        List<byte[]> replaced = new ArrayList<>();
        for (byte[] encoded : receipts.getValue()) {
            replaced.add(EncodedRows.encode(coder, replaced(EncodedRows.decode(coder, encoded), candidateSource(winner))));
        }
        out.output(KV.of(receipts.getKey(), replaced));
    };

    /** The rows of a published partition minus those of submitters whose group a new file won. */
    static final Decision DROP_SUPERSEDED = (winner, rows, coder, out) -> {
        if (winner == null) {
            out.output(rows);
        }
    };

    private static GenericRecord replaced(GenericRecord receipt, String by) {
        GenericData.Record updated = new GenericData.Record((GenericData.Record) receipt, true);
        updated.put("status", ReceiptStatus.REPLACED.code());
        updated.put("replaced_by", by);
        return updated;
    }
}
