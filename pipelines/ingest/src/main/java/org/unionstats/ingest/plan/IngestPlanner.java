package org.unionstats.ingest.plan;
import org.unionstats.warehouse.receipts.ReceiptStatus;

import org.unionstats.ingest.warehouse.WarehouseFiles;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.RecordType;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.period.Period;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.values.ValueFormatException;

/**
 * Decides what a run does: which inbox files are new (by content hash against the receipts),
 * which submission replaces which, and which warehouse partitions must be rewritten. Reads
 * only file listings, file bytes for hashing, and the small receipts and dimension tables.
 */
public final class IngestPlanner {

    private final RegionDirectory regions;
    private final WarehouseLayout layout;

    public IngestPlanner(RegionDirectory regions, WarehouseLayout layout) {
        this.regions = regions;
        this.layout = layout;
    }

    public IngestPlan plan(String inbox, String runId, long startedAt) {
        return plan(inbox, runId, startedAt, p -> true);
    }

    /**
     * Plans the files whose submission period the filter selects. A misplaced file is planned (and
     * refused) only when its period folder reads as a selected period; with no filter, always.
     */
    public IngestPlan plan(String inbox, String runId, long startedAt, java.util.function.Predicate<Period> selected) {
        Schema receiptSchema = ContractCatalog.tableSchema(WarehouseLayout.RECEIPTS);
        // Receipts are read once, by partition: the whole set decides what is new, the touched partitions are carried.
        Map<String, List<GenericRecord>> receiptsByPeriod = new TreeMap<>();
        for (MatchResult.Metadata m : WarehouseFiles.tableFiles(layout, WarehouseLayout.RECEIPTS)) {
            String period = WarehouseLayout.periodOf(m.resourceId().getCurrentDirectory().getFilename().replace("/", "")).orElseThrow();
            receiptsByPeriod.computeIfAbsent(period, p -> new ArrayList<>()).addAll(WarehouseFiles.read(List.of(m), receiptSchema));
        }
        List<GenericRecord> receipts = receiptsByPeriod.values().stream().flatMap(List::stream).toList();
        Set<String> seenFiles = new HashSet<>();
        Map<String, List<GenericRecord>> currentByGroup = new HashMap<>();
        for (GenericRecord r : receipts) {
            seenFiles.add(str(r, "source_file") + "|" + str(r, "sha256"));
            if (r.get("record_type") != null) {
                seenFiles.add(groupOf(r) + "|" + str(r, "sha256"));
                if (ReceiptStatus.fromCode(str(r, "status")) == ReceiptStatus.CURRENT) {
                    currentByGroup.computeIfAbsent(groupOf(r), g -> new ArrayList<>()).add(r);
                }
            }
        }

        int unchanged = 0;
        Map<String, List<PlannedFile>> groups = new TreeMap<>();
        List<PlannedFile> refusedPaths = new ArrayList<>();
        for (MatchResult.Metadata m : inboxFiles(inbox)) {
            String relative = relativePath(inbox, m.resourceId().toString());
            if (!isSelected(relative, selected)) {
                continue;
            }
            String sha = sha256(m);
            PlannedFile file;
            try {
                SubmissionPath path = SubmissionPath.parse(relative, regions);
                file = new PlannedFile(relative, m.resourceId().toString(), sha, m.lastModifiedMillis(), path, null, null, null);
            } catch (ValueFormatException e) {
                file = new PlannedFile(relative, m.resourceId().toString(), sha, m.lastModifiedMillis(), null,
                        e.messageZh(), e.messageEn(), null);
            }
            boolean seen = seenFiles.contains(relative + "|" + sha)
                    || file.path() != null && seenFiles.contains(file.path().groupKey() + "|" + sha);
            if (seen) {
                unchanged++;
            } else if (file.path() == null) {
                refusedPaths.add(file);
            } else {
                groups.computeIfAbsent(file.path().groupKey(), g -> new ArrayList<>()).add(file);
            }
        }

        List<PlannedFile> newFiles = new ArrayList<>(refusedPaths);
        Map<RecordType, Map<String, Set<String>>> touched = new EnumMap<>(RecordType.class);
        Map<GenericRecord, String> superseded = new LinkedHashMap<>();
        for (Map.Entry<String, List<PlannedFile>> group : groups.entrySet()) {
            List<PlannedFile> files = new ArrayList<>(group.getValue());
            // Later submissions win: an explicit version in the name, then modification time, then name.
            files.sort(Comparator.comparingInt((PlannedFile f) -> f.path().version())
                    .thenComparingLong(PlannedFile::modifiedMillis)
                    .thenComparing(PlannedFile::relativePath));
            PlannedFile latest = files.get(files.size() - 1);
            for (PlannedFile f : files) {
                newFiles.add(f == latest ? f : f.replacedBy(latest.relativePath()));
            }
            SubmissionPath p = latest.path();
            touched.computeIfAbsent(p.recordType(), t -> new TreeMap<>())
                    .computeIfAbsent(p.period().canonical(), x -> new TreeSet<>())
                    .add(p.submitter());
            currentByGroup.getOrDefault(group.getKey(), List.of()).forEach(r -> superseded.put(r, latest.relativePath()));
        }

        Set<String> receiptPeriods = new TreeSet<>();
        newFiles.forEach(f -> receiptPeriods.add(f.partition()));
        List<GenericRecord> carried = new ArrayList<>();
        for (String period : receiptPeriods) {
            for (GenericRecord r : receiptsByPeriod.getOrDefault(period, List.of())) {
                String by = superseded.entrySet().stream()
                        .filter(e -> sameReceipt(e.getKey(), r)).map(Map.Entry::getValue).findFirst().orElse(null);
                if (by != null) {
                    GenericData.Record updated = new GenericData.Record((GenericData.Record) r, true);
                    updated.put("status", ReceiptStatus.REPLACED.code());
                    updated.put("replaced_by", by);
                    carried.add(updated);
                } else {
                    carried.add(r);
                }
            }
        }

        ContractCatalog catalog = ContractCatalog.load();
        return new IngestPlan(runId, startedAt, List.copyOf(newFiles), unchanged, touched, carried, receiptPeriods,
                codes(catalog, RecordType.ORG_UNITS, "org_code"), codes(catalog, RecordType.COMPETITIONS, "competition_id"));
    }

    /** The period folder of {@code <submitter>/<period>/<file>} (null when it has none), tested against the filter. */
    static boolean isSelected(String relative, java.util.function.Predicate<Period> selected) {
        String[] parts = relative.replace('\\', '/').split("/");
        Period period;
        try {
            period = parts.length >= 2 ? Period.parse(parts[1].strip()) : null;
        } catch (IllegalArgumentException e) {
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

    /** Every file under the inbox, except hidden ones and those under a folder or name starting with _ or . */
    static List<MatchResult.Metadata> inboxFiles(String inbox) {
        List<MatchResult.Metadata> files = new ArrayList<>();
        try {
            MatchResult result = FileSystems.match(inbox + "/**", org.apache.beam.sdk.io.fs.EmptyMatchTreatment.ALLOW);
            if (result.status() == MatchResult.Status.OK) {
                for (MatchResult.Metadata m : result.metadata()) {
                    String relative = relativePath(inbox, m.resourceId().toString());
                    boolean hidden = java.util.Arrays.stream(relative.split("/"))
                            .anyMatch(s -> s.startsWith("_") || s.startsWith("."));
                    if (!hidden && !m.resourceId().isDirectory()) {
                        files.add(m);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + inbox, e);
        }
        files.sort(Comparator.comparing(m -> m.resourceId().toString()));
        return files;
    }

    static String relativePath(String inbox, String resource) {
        String root = inbox.endsWith("/") ? inbox : inbox + "/";
        if (resource.startsWith(root)) {
            return resource.substring(root.length());
        }
        String absoluteRoot = java.nio.file.Path.of(inbox).toAbsolutePath().normalize() + "/";
        return resource.startsWith(absoluteRoot) ? resource.substring(absoluteRoot.length()) : resource;
    }

    private static String sha256(MatchResult.Metadata m) {
        try (InputStream in = Channels.newInputStream(FileSystems.open(m.resourceId()))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + m.resourceId(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameReceipt(GenericRecord a, GenericRecord b) {
        return str(a, "source_file").equals(str(b, "source_file")) && str(a, "sha256").equals(str(b, "sha256"));
    }

    /** A receipt's group comes from its path, which was valid when it was ingested. */
    private String groupOf(GenericRecord r) {
        return SubmissionPath.parse(str(r, "source_file"), regions).groupKey();
    }

    private static String str(GenericRecord r, String field) {
        Object v = r.getSchema().getField(field) == null ? null : r.get(field);
        return v == null ? "" : v.toString();
    }
}
