package org.unionstats.ingest.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;

/**
 * Rows as their Avro encoding, in batches of one key: the form they cross the ingest's groupings in (the join with the
 * winners, the write's grouping by partition and shard). A grouping costs per element and may copy its buffered
 * elements several times (the DirectRunner copies a key's whole buffer through the coder each time the key is read): a
 * file's rows of one partition travel as one element, and a byte array copies without Avro's field-by-field encoding
 * and decoding. A row is decoded again only to change it (a receipt's status) or as its file is written.
 */
final class EncodedRows {

    /** A batch of encoded rows under its key. */
    static final KvCoder<String, List<byte[]>> KEYED = KvCoder.of(StringUtf8Coder.of(), ListCoder.of(ByteArrayCoder.of()));

    /** The most rows in one batch: a bound on one element's size, whatever a file holds. */
    static final int MAX_BATCH = 10_000;

    private EncodedRows() {}

    static byte[] encode(Coder<GenericRecord> coder, GenericRecord row) throws CoderException {
        return CoderUtils.encodeToByteArray(coder, row);
    }

    static GenericRecord decode(Coder<GenericRecord> coder, byte[] row) throws CoderException {
        return CoderUtils.decodeFromByteArray(coder, row);
    }

    /**
     * Encodes each row and batches those of one group and key that arrive in the same bundle: a checked file's rows
     * all do, as the file is one element.
     */
    static final class Batch extends DoFn<KV<String, KV<String, GenericRecord>>, KV<String, KV<String, List<byte[]>>>> {
        private final Coder<GenericRecord> rowCoder;
        private transient Map<KV<String, String>, List<byte[]>> open;

        Batch(Coder<GenericRecord> rowCoder) {
            this.rowCoder = rowCoder;
        }

        @StartBundle
        public void start() {
            open = new LinkedHashMap<>();
        }

        @ProcessElement
        public void process(@Element KV<String, KV<String, GenericRecord>> row, OutputReceiver<KV<String, KV<String, List<byte[]>>>> out)
                throws CoderException {
            KV<String, String> key = KV.of(row.getKey(), row.getValue().getKey());
            List<byte[]> batch = open.computeIfAbsent(key, k -> new ArrayList<>());
            batch.add(encode(rowCoder, row.getValue().getValue()));
            if (batch.size() >= MAX_BATCH) {
                open.remove(key);
                out.output(KV.of(key.getKey(), KV.of(key.getValue(), batch)));
            }
        }

        @FinishBundle
        public void finish(FinishBundleContext context) {
            open.forEach((key, batch) -> context.output(KV.of(key.getKey(), KV.of(key.getValue(), batch)),
                    BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
            open = null;
        }
    }

    /** Each row as a batch of its own, under its key: for the few rows no grouping batched (the quarantine). */
    static final class One extends DoFn<KV<String, GenericRecord>, KV<String, List<byte[]>>> {
        private final Coder<GenericRecord> rowCoder;

        One(Coder<GenericRecord> rowCoder) {
            this.rowCoder = rowCoder;
        }

        @ProcessElement
        public void process(@Element KV<String, GenericRecord> row, OutputReceiver<KV<String, List<byte[]>>> out) throws CoderException {
            out.output(KV.of(row.getKey(), List.of(encode(rowCoder, row.getValue()))));
        }
    }
}
