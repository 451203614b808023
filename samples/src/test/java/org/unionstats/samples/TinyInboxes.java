package org.unionstats.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.HeaderMapper;
import org.unionstats.contract.Indicators;
import org.unionstats.contract.RecordType;
import org.unionstats.files.FileTrees;
import org.unionstats.period.Period;
import org.unionstats.privacy.Pseudonymizer;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.validation.ReferenceCodes;
import org.unionstats.validation.RowResult;
import org.unionstats.validation.RowValidator;

/**
 * The tiny inboxes the tests share, each generated once per test JVM: the default one (seed and mistake rate as
 * {@code bin/unionstats generate} uses them), its twin (same config, for the determinism check) and the clean one
 * (same seed, no mistakes). Deleted when the JVM exits.
 */
final class TinyInboxes {

    static final RegionDirectory REGIONS = RegionDirectory.loadDefault();

    /** A generated inbox and its summary. */
    record Inbox(Path root, GenerationSummary summary) {}

    /** An accepted row of the files that count, with where it came from. */
    record Row(SubmissionPath path, Map<String, Object> values) {
        Object get(String field) {
            return values.get(field);
        }

        String text(String field) {
            Object v = values.get(field);
            return v == null ? null : v.toString();
        }

        long number(String field) {
            return ((Number) values.get(field)).longValue();
        }

        Period period() {
            return path.period();
        }
    }

    private static Path base;
    private static Inbox standard;
    private static Inbox twin;
    private static Inbox clean;
    private static final Map<Path, Map<RecordType, List<Row>>> ACCEPTED = new java.util.HashMap<>();

    private TinyInboxes() {}

    /** The default tiny inbox: default seed, periods and mistake rate. */
    static synchronized Inbox standard() {
        if (standard == null) {
            standard = generate("standard", GeneratorConfig.DEFAULT_MISTAKE_RATE);
        }
        return standard;
    }

    /** A second run of the default config. */
    static synchronized Inbox twin() {
        if (twin == null) {
            twin = generate("twin", GeneratorConfig.DEFAULT_MISTAKE_RATE);
        }
        return twin;
    }

    /** The default seed and periods without mistakes. */
    static synchronized Inbox clean() {
        if (clean == null) {
            clean = generate("clean", 0);
        }
        return clean;
    }

    private static Inbox generate(String name, double mistakeRate) {
        Path out = base().resolve(name);
        GeneratorConfig config = GeneratorConfig.defaults(out, Scale.TINY).withMistakeRate(mistakeRate);
        return new Inbox(out, new SampleInboxGenerator(config, REGIONS).generate());
    }

    private static Path base() {
        if (base == null) {
            try {
                base = Files.createTempDirectory("samples-tiny-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = base;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteRecursively(dir)));
        }
        return base;
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /**
     * The rows the contract's validator accepts, by record type, from the files that count: the latest version of
     * each submission group (by stated version, then modification time, then name), exact duplicates once.
     */
    static synchronized Map<RecordType, List<Row>> accepted(Inbox inbox) {
        return ACCEPTED.computeIfAbsent(inbox.root(), TinyInboxes::validate);
    }

    static List<Row> accepted(Inbox inbox, RecordType type) {
        return accepted(inbox).getOrDefault(type, List.of());
    }

    private static Map<RecordType, List<Row>> validate(Path root) {
        Map<String, List<Path>> groups = new TreeMap<>();
        Map<Path, SubmissionPath> paths = new java.util.HashMap<>();
        for (Path f : InboxReader.files(root)) {
            SubmissionPath p = SubmissionPath.parse(relative(root, f), REGIONS);
            paths.put(f, p);
            groups.computeIfAbsent(p.groupKey(), k -> new ArrayList<>()).add(f);
        }
        Map<Path, InboxReader.Table> tables = new TreeMap<>();
        for (List<Path> group : groups.values()) {
            group.sort(Comparator.comparingInt((Path f) -> paths.get(f).version()).thenComparing(TinyInboxes::mtime)
                    .thenComparing(f -> f.getFileName().toString()));
            Path latest = group.get(group.size() - 1);
            try {
                tables.put(latest, InboxReader.read(latest));
            } catch (Exception damaged) {
                // a damaged workbook without a correction: nothing of it counts
            }
        }
        Set<String> orgs = new HashSet<>();
        Set<String> competitions = new HashSet<>();
        for (Map.Entry<Path, InboxReader.Table> e : tables.entrySet()) {
            RecordType type = paths.get(e.getKey()).recordType();
            for (Map<String, String> row : e.getValue().rows()) {
                if (type == RecordType.ORG_UNITS) {
                    orgs.add(SampleInboxGeneratorTest.value(row, "org_code", "工会代码").strip());
                } else if (type == RecordType.COMPETITIONS) {
                    competitions.add(SampleInboxGeneratorTest.value(row, "competition_id", "竞赛编号").strip());
                }
            }
        }
        ContractCatalog catalog = ContractCatalog.load();
        RowValidator validator = new RowValidator(catalog, REGIONS, Indicators.load(),
                new Pseudonymizer("samples-calibration-test-key".getBytes(StandardCharsets.UTF_8)));
        ReferenceCodes refs = new ReferenceCodes(orgs, competitions);
        Map<RecordType, List<Row>> out = new EnumMap<>(RecordType.class);
        for (Map.Entry<Path, InboxReader.Table> e : tables.entrySet()) {
            SubmissionPath sub = paths.get(e.getKey());
            InboxReader.Table t = e.getValue();
            HeaderMapper.Mapping mapping = new HeaderMapper(catalog.columns(sub.recordType())).map(t.header());
            Set<Map<String, Object>> seen = new LinkedHashSet<>();
            for (Map<String, String> row : t.rows()) {
                List<String> cells = new ArrayList<>();
                for (String h : t.header()) {
                    cells.add(row.getOrDefault(h, ""));
                }
                if (validator.validate(sub, mapping, cells, refs) instanceof RowResult.Accepted a
                        && seen.add(a.row().values())) {
                    out.computeIfAbsent(sub.recordType(), k -> new ArrayList<>()).add(new Row(sub, a.row().values()));
                }
            }
        }
        return out;
    }

    static FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
