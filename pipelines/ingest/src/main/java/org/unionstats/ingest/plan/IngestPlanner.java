package org.unionstats.ingest.plan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.RecordType;
import org.unionstats.ingest.IngestLimits;
import org.unionstats.ingest.inbox.InboxEntry;
import org.unionstats.ingest.inbox.InboxFiles;
import org.unionstats.ingest.text.SafeText;
import org.unionstats.ingest.warehouse.WarehouseFiles;
import org.unionstats.period.Period;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.values.ValueFormatException;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.quarantine.QuarantineCode;

/**
 * Decides what a run does: which inbox files are new (by content hash against the receipts),
 * the order of the files of each submission group, and which warehouse partitions must be
 * rewritten. Reads only the inbox listing, file bytes for hashing, and the small receipts and
 * dimension tables.
 *
 * <p>Nothing about one file can stop the plan: a link, a device, an unreadable or oversized
 * file, a name the path parser refuses, or any failure while looking at it becomes that file's
 * refusal, decided here and written by the pipeline like any other. Such files are never read
 * (their identity is the hash of their listing).
 */
public final class IngestPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(IngestPlanner.class);
    /** The table of issued letter items and its id column (letters' {@code ItemStore}). */
    private static final String LETTER_ITEMS = "letter_items";
    private static final String LETTER_ITEM_ID = "item_id";

    private final RegionDirectory regions;
    private final WarehouseLayout layout;
    private final IngestLimits limits;

    public IngestPlanner(RegionDirectory regions, WarehouseLayout layout) {
        this(regions, layout, IngestLimits.defaults());
    }

    public IngestPlanner(RegionDirectory regions, WarehouseLayout layout, IngestLimits limits) {
        this.regions = regions;
        this.layout = layout;
        this.limits = limits;
    }

    public IngestPlan plan(String inbox, String runId, long startedAt) {
        return plan(inbox, runId, startedAt, p -> true);
    }

    /**
     * Plans the files whose submission period the filter selects. A misplaced file is planned (and
     * refused) only when its period folder reads as a selected period; with no filter, always.
     */
    public IngestPlan plan(String inbox, String runId, long startedAt, Predicate<Period> selected) {
        return plan(inbox, runId, startedAt, selected, ArrivalLog.NONE);
    }

    /**
     * As {@link #plan(String, String, long, Predicate)}, a file first seen in this run taking its receipt time from the
     * arrival log (never later than the run's start).
     */
    public IngestPlan plan(String inbox, String runId, long startedAt, Predicate<Period> selected, ArrivalLog arrivals) {
        Schema receiptSchema = ContractCatalog.tableSchema(WarehouseLayout.RECEIPTS);
        // Receipts are read once, by partition: the whole set decides what is new, the touched partitions are carried.
        Map<String, List<GenericRecord>> receiptsByPeriod = new TreeMap<>();
        for (MatchResult.Metadata m : WarehouseFiles.tableFiles(layout, WarehouseLayout.RECEIPTS)) {
            String period = WarehouseLayout.periodOf(m.resourceId().getCurrentDirectory().getFilename().replace("/", "")).orElseThrow();
            receiptsByPeriod.computeIfAbsent(period, p -> new ArrayList<>()).addAll(WarehouseFiles.read(List.of(m), receiptSchema));
        }
        Set<String> seenFiles = new HashSet<>();
        // When each content was first seen at its path: a receipt rewritten or a file checked again keeps it.
        Map<String, Long> firstReceived = new HashMap<>();
        receiptsByPeriod.forEach((period, receipts) -> {
            for (GenericRecord r : receipts) {
                seenFiles.add(str(r, "source_file") + "|" + str(r, "sha256"));
                firstReceived.merge(str(r, "source_file") + "|" + str(r, "sha256"), receivedAt(r), Math::min);
                String group = groupOf(r, period);
                if (group != null) {
                    seenFiles.add(group + "|" + str(r, "sha256"));
                }
            }
        });

        int unchanged = 0;
        Map<String, List<PlannedFile>> groups = new TreeMap<>();
        List<PlannedFile> ungrouped = new ArrayList<>();
        for (InboxEntry entry : InboxFiles.list(inbox)) {
            PlannedFile file;
            try {
                if (!isSelected(entry.relative(), selected)) {
                    continue;
                }
                file = planOne(entry);
            } catch (RuntimeException e) {
                LOG.warn("could not look at {}: {}", SafeText.path(entry.relative()), e.getClass().getSimpleName());
                file = failed(entry, e);
            }
            Long received = firstReceived.get(file.sourceFile() + "|" + file.sha256());
            if (received != null) {
                file = file.receivedAt(received);
            } else {
                Optional<Long> logged = arrivals.receivedAt(file.relativePath());
                if (logged.isPresent()) {
                    file = file.receivedAt(Math.min(logged.get(), startedAt));
                }
            }
            boolean seen = seenFiles.contains(file.sourceFile() + "|" + file.sha256())
                    || file.groupKey() != null && seenFiles.contains(file.groupKey() + "|" + file.sha256());
            if (seen) {
                unchanged++;
            } else if (file.groupKey() == null) {
                ungrouped.add(file);
            } else {
                groups.computeIfAbsent(file.groupKey(), g -> new ArrayList<>()).add(file);
            }
        }

        List<PlannedFile> newFiles = new ArrayList<>(ungrouped);
        Map<RecordType, Map<String, Set<String>>> touched = new EnumMap<>(RecordType.class);
        for (List<PlannedFile> group : groups.values()) {
            List<PlannedFile> files = new ArrayList<>(group);
            // Later submissions win: an explicit version in the name, then modification time, then name.
            files.sort(Comparator.comparingInt((PlannedFile f) -> f.path().version())
                    .thenComparingLong(PlannedFile::modifiedMillis)
                    .thenComparing(PlannedFile::relativePath));
            for (int rank = 0; rank < files.size(); rank++) {
                newFiles.add(files.get(rank).withRank(rank));
            }
            if (files.stream().anyMatch(PlannedFile::isReadable)) {
                SubmissionPath p = files.get(0).path();
                touched.computeIfAbsent(p.recordType(), t -> new TreeMap<>())
                        .computeIfAbsent(p.period().canonical(), x -> new TreeSet<>())
                        .add(p.submitter());
            }
        }

        Set<String> receiptPeriods = new TreeSet<>();
        newFiles.forEach(f -> receiptPeriods.add(f.partition()));
        Map<String, List<GenericRecord>> carried = new TreeMap<>();
        for (String period : receiptPeriods) {
            carried.put(period, receiptsByPeriod.getOrDefault(period, List.of()).stream().map(IngestPlanner::withReceivedAt).toList());
        }

        ContractCatalog catalog = ContractCatalog.load();
        return new IngestPlan(runId, startedAt, List.copyOf(newFiles), unchanged, touched, carried, receiptPeriods,
                codes(catalog, RecordType.ORG_UNITS, "org_code"), codes(catalog, RecordType.COMPETITIONS, "competition_id"),
                letterItems());
    }

    /** One inbox entry: its path read, its refusal (if any) decided, its identity hashed. */
    private PlannedFile planOne(InboxEntry entry) {
        String sourceFile = SafeText.path(entry.relative());
        SubmissionPath path = null;
        QuarantineCode.Message refusal = null;
        try {
            path = SubmissionPath.parse(entry.relative(), regions, limits.maxFileNameChars());
        } catch (ValueFormatException e) {
            refusal = QuarantineCode.BAD_PATH.detail(e.messageZh(), e.messageEn());
        }
        if (entry.kind() != InboxEntry.Kind.REGULAR) {
            refusal = notARegularFile(entry, sourceFile);
        } else if (refusal == null && entry.sizeBytes() > limits.maxFileBytes()) {
            refusal = QuarantineCode.FILE_TOO_LARGE.message(Map.of(
                    "size", IngestLimits.bytes(entry.sizeBytes()) + " (" + entry.sizeBytes() + " B)",
                    "limit", IngestLimits.bytes(limits.maxFileBytes())));
        }
        String sha;
        if (entry.kind() == InboxEntry.Kind.REGULAR && entry.sizeBytes() <= limits.maxFileBytes()) {
            try {
                sha = InboxFiles.sha256(entry.resource());
            } catch (IOException e) {
                sha = InboxFiles.unreadIdentity(entry);
                refusal = QuarantineCode.UNREADABLE_FILE.detail(
                        "无法读取文件（" + e.getClass().getSimpleName() + "）；请检查文件权限后重新报送",
                        "the file cannot be read (" + e.getClass().getSimpleName() + "); check its permissions and send it again");
            }
        } else {
            sha = InboxFiles.unreadIdentity(entry);
        }
        PlannedFile file = new PlannedFile(entry.relative(), sourceFile, entry.resource(), sha, entry.modifiedMillis(),
                entry.sizeBytes(), path, null, null, null, 0);
        return refusal == null ? file : file.refused(refusal);
    }

    /** A link, a device or a folder too deep: refused by what it is, never opened, and nothing of its target said. */
    private static QuarantineCode.Message notARegularFile(InboxEntry entry, String sourceFile) {
        String zh = switch (entry.kind()) {
            case SYMLINK -> "是符号链接（快捷方式），不是普通文件；为安全起见收件箱中的链接一律不读取，请放入文件本身";
            case TOO_DEEP -> "是层级过深的文件夹；报送文件应放在 <报送单位代码>/<期间>/ 下";
            case UNREADABLE -> "无法查看（权限不足或已被删除）";
            default -> "不是普通文件（设备、管道或套接字），未予读取";
        };
        String en = switch (entry.kind()) {
            case SYMLINK -> "is a symbolic link, not a regular file; links in the inbox are never followed, put the file itself there";
            case TOO_DEEP -> "is a folder nested too deep; submissions go in <submitter>/<period>/";
            case UNREADABLE -> "cannot be looked at (no permission, or removed while listing)";
            default -> "is not a regular file (a device, pipe or socket) and was not read";
        };
        return QuarantineCode.BAD_PATH.detail("「" + sourceFile + "」" + zh, "'" + sourceFile + "' " + en);
    }

    /** Looking at the entry failed in a way nobody foresaw: the entry is refused, the plan goes on. */
    private static PlannedFile failed(InboxEntry entry, RuntimeException e) {
        String what = e.getClass().getSimpleName();
        QuarantineCode.Message reason = QuarantineCode.CHECK_FAILED.message(Map.of("detail", what));
        return new PlannedFile(entry.relative(), SafeText.path(entry.relative()), entry.resource(), InboxFiles.unreadIdentity(entry),
                entry.modifiedMillis(), entry.sizeBytes(), null, null, null, null, 0).refused(reason);
    }

    /** The period folder of {@code <submitter>/<period>/<file>} (null when it has none), tested against the filter. */
    static boolean isSelected(String relative, Predicate<Period> selected) {
        String[] parts = relative.replace('\\', '/').split("/");
        Period period;
        try {
            period = parts.length >= 2 ? Period.parse(parts[1].strip()) : null;
        } catch (RuntimeException e) {
            period = null;
        }
        return selected.test(period);
    }

    private Set<String> codes(ContractCatalog catalog, RecordType type, String field) {
        Schema schema = catalog.schema(type);
        Set<String> codes = new HashSet<>();
        for (GenericRecord r : WarehouseFiles.read(WarehouseFiles.tableFiles(layout, type.code()), schema)) {
            codes.add(str(r, field));
        }
        return codes;
    }

    /** The items of the letters issued so far: {@code letter_items}, written by {@code letter --issue}. */
    private Set<String> letterItems() {
        Schema ids = SchemaBuilder.record("LetterItemIds").fields().requiredString(LETTER_ITEM_ID).endRecord();
        Set<String> items = new HashSet<>();
        for (GenericRecord r : WarehouseFiles.read(WarehouseFiles.tableFiles(layout, LETTER_ITEMS), ids)) {
            items.add(str(r, LETTER_ITEM_ID));
        }
        return items;
    }

    /**
     * A receipt's submission group, from its own columns (record type, submitter) and its
     * partition (the canonical period); null for a file refused for its path.
     */
    static String groupOf(GenericRecord receipt, String period) {
        String type = str(receipt, "record_type");
        String submitter = str(receipt, "submitter");
        if (type.isEmpty() || submitter.isEmpty() || WarehouseLayout.UNKNOWN_PERIOD.equals(period)) {
            return null;
        }
        return type + "|" + period + "|" + submitter;
    }

    /**
     * When a receipt's file was first received: its {@code received_at}, or for a receipt written before that
     * column existed, its {@code ingested_at} (the run that first saw the file).
     */
    static long receivedAt(GenericRecord receipt) {
        Object received = receipt.getSchema().getField("received_at") == null ? null : receipt.get("received_at");
        return received != null ? (Long) received : (Long) receipt.get("ingested_at");
    }

    /** An earlier receipt as it is rewritten: with its {@code received_at}, taken from {@code ingested_at} when it had none. */
    static GenericRecord withReceivedAt(GenericRecord receipt) {
        if (receipt.get("received_at") != null) {
            return receipt;
        }
        GenericData.Record copy = new GenericData.Record((GenericData.Record) receipt, true);
        copy.put("received_at", receivedAt(receipt));
        return copy;
    }

    private static String str(GenericRecord r, String field) {
        Object v = r.getSchema().getField(field) == null ? null : r.get(field);
        return v == null ? "" : v.toString();
    }
}
