package org.unionstats.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.RecordType;
import org.unionstats.contract.SourceColumn;
import org.unionstats.orgs.CreditCode;
import org.unionstats.period.Period;
import org.unionstats.regions.Region;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.text.TextNormalizer;

/** Generates the tiny inbox twice with the same seed and checks it against the contract and its own summary. */
class SampleInboxGeneratorTest {

    private static final RegionDirectory REGIONS = RegionDirectory.loadDefault();

    static Path first;
    static Path second;
    static GenerationSummary summary;
    static List<Path> files;
    /** Readable files with their content, keyed by path relative to the inbox root. */
    static Map<String, InboxReader.Table> tables = new TreeMap<>();
    static List<String> unreadable = new ArrayList<>();

    @BeforeAll
    static void generate() throws IOException {
        first = TinyInboxes.standard().root();
        second = TinyInboxes.twin().root();
        summary = TinyInboxes.standard().summary();
        files = InboxReader.files(first);
        for (Path f : files) {
            String rel = relative(f);
            try {
                tables.put(rel, InboxReader.read(f));
            } catch (Exception e) {
                unreadable.add(rel);
            }
        }
    }

    private static String relative(Path f) {
        return first.relativize(f).toString().replace('\\', '/');
    }

    private static SubmissionPath path(String rel) {
        return SubmissionPath.parse(rel, REGIONS);
    }

    @Test
    void sameSeedGivesSameFiles() throws IOException {
        List<String> a = files.stream().map(SampleInboxGeneratorTest::relative).toList();
        List<String> b = InboxReader.files(second).stream().map(p -> second.relativize(p).toString().replace('\\', '/')).toList();
        assertThat(b).isEqualTo(a);
        int workbooks = 0;
        for (String rel : a) {
            Path x = first.resolve(rel);
            Path y = second.resolve(rel);
            assertThat(Files.getLastModifiedTime(y)).as(rel).isEqualTo(Files.getLastModifiedTime(x));
            // Workbooks too: entry times and core properties are fixed.
            assertThat(Files.readAllBytes(y)).as(rel).isEqualTo(Files.readAllBytes(x));
            if (InboxReader.extension(x).equals("xlsx")) {
                workbooks++;
            }
        }
        assertThat(workbooks).isGreaterThan(10);
        assertThat(Files.readString(second.resolve(GenerationSummary.FILE_NAME)))
                .isEqualTo(Files.readString(first.resolve(GenerationSummary.FILE_NAME)));
        assertThat(Files.readAllBytes(second.resolve(GenerationSummary.ARRIVALS_FILE_NAME)))
                .isEqualTo(Files.readAllBytes(first.resolve(GenerationSummary.ARRIVALS_FILE_NAME)));
    }

    @Test
    void aDifferentSeedGivesDifferentRows(@TempDir Path other) throws IOException {
        GeneratorConfig config = GeneratorConfig.defaults(other, Scale.TINY).withSeed(7)
                .withMistakeRate(0).withOut(other);
        GenerationSummary s = new SampleInboxGenerator(config, REGIONS).generate();
        assertThat(s.memberEvents()).isNotEqualTo(summary.memberEvents());
        assertThat(s.mistakesByKind()).isEmpty();
        // Without mistakes there are no corrections and no damaged workbooks: every file opens.
        for (Path f : InboxReader.files(other)) {
            assertThat(InboxReader.read(f).rows()).as(f.toString()).isNotEmpty();
            assertThat(path(other.relativize(f).toString().replace('\\', '/')).version()).isEqualTo(1);
        }
    }

    @Test
    void everyPathFollowsTheContract() {
        for (Path f : files) {
            SubmissionPath p = path(relative(f));
            assertThat(config().periods()).contains(p.period());
        }
        assertThat(files.stream().map(f -> f.getParent().getFileName().toString()).collect(Collectors.toSet()))
                .as("period folders are mostly canonical, some spelled the Chinese or hyphenated way")
                .contains("2024Q3")
                .anyMatch(n -> n.contains("年"));
        assertThat(files.stream().map(f -> f.getFileName().toString()))
                .anyMatch(n -> n.startsWith("会员变动"))
                .anyMatch(n -> n.startsWith("member_events"));
    }

    @Test
    void everyCountyHasMemberEventsForEveryPeriodExceptTheSilentOnes() {
        Set<String> present = new HashSet<>();
        for (Path f : files) {
            SubmissionPath p = path(relative(f));
            if (p.recordType() == RecordType.MEMBER_EVENTS) {
                present.add(p.submitter() + "/" + p.period().canonical());
            }
        }
        List<Region> counties = REGIONS.countiesUnder("130300");
        assertThat(counties).hasSize(9);
        int silences = 0;
        for (Region county : counties) {
            for (Period period : config().periods()) {
                boolean silent = summary.silentUnits().contains(county.code())
                        || period.canonical().equals(summary.unitsMissingAPeriod().get(county.code()));
                if (silent) {
                    silences++;
                    assertThat(present).as(county.name()).doesNotContain(county.code() + "/" + period.canonical());
                } else {
                    assertThat(present).as(county.name()).contains(county.code() + "/" + period.canonical());
                }
            }
        }
        assertThat(silences).isEqualTo(config().periods().size() + 1);
    }

    @Test
    void allFormatsAndBothHeaderLanguagesOccur() throws IOException {
        Map<String, Integer> formats = new TreeMap<>();
        boolean chinese = false;
        boolean english = false;
        Set<String> zhHeaders = new HashSet<>();
        Set<String> enHeaders = new HashSet<>();
        ContractCatalog catalog = ContractCatalog.load();
        for (RecordType t : RecordType.values()) {
            for (SourceColumn c : catalog.columns(t)) {
                zhHeaders.add(TextNormalizer.headerKey(c.zh()));
                enHeaders.add(TextNormalizer.headerKey(c.name()));
            }
        }
        for (Path f : files) {
            String ext = InboxReader.extension(f);
            if (ext.equals("csv")) {
                byte[] bytes = Files.readAllBytes(f);
                formats.merge(bytes[0] == (byte) 0xEF ? "csv-bom" : isUtf8(bytes) ? "csv-utf8" : "csv-gb18030", 1, Integer::sum);
            } else {
                formats.merge(ext, 1, Integer::sum);
            }
            InboxReader.Table t = tables.get(relative(f));
            if (t != null && !ext.equals("jsonl")) {
                String h = TextNormalizer.headerKey(t.header().get(0));
                chinese |= zhHeaders.contains(h);
                english |= enHeaders.contains(h);
            }
        }
        assertThat(formats).containsKeys("csv-bom", "csv-utf8", "csv-gb18030", "xlsx", "jsonl");
        int total = files.size();
        assertThat(formats.get("csv-gb18030")).isBetween(total / 10, total * 3 / 10);
        assertThat(formats.get("jsonl")).isBetween(total / 14, total * 3 / 10);
        assertThat(chinese).isTrue();
        assertThat(english).isTrue();
    }

    @Test
    void gb18030FilesAreNotUtf8ButDecodeToChineseHeaders() throws IOException {
        Set<String> zh = new HashSet<>();
        ContractCatalog catalog = ContractCatalog.load();
        for (RecordType t : RecordType.values()) {
            catalog.columns(t).forEach(c -> zh.add(TextNormalizer.headerKey(c.zh())));
        }
        int gb = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            if (!InboxReader.extension(f).equals("csv") || bytes[0] == (byte) 0xEF || isUtf8(bytes)) {
                continue;
            }
            gb++;
            String text = new String(bytes, "GB18030");
            String headerLine = text.substring(0, text.indexOf('\n'));
            long chineseHeaders = java.util.Arrays.stream(headerLine.split(","))
                    .map(h -> TextNormalizer.headerKey(h.replace("\"", "")))
                    .filter(zh::contains)
                    .count();
            assertThat(chineseHeaders).as(relative(f)).isGreaterThanOrEqualTo(3);
        }
        assertThat(gb).isGreaterThan(20);
    }

    @Test
    void workbooksOpenExceptTheDamagedOnes() throws IOException {
        int workbooks = 0;
        int broken = 0;
        for (Path f : files) {
            if (!InboxReader.extension(f).equals("xlsx")) {
                continue;
            }
            workbooks++;
            try (InputStream in = Files.newInputStream(f)) {
                WorkbookFactory.create(in).close();
            } catch (Exception e) {
                broken++;
            }
        }
        assertThat(workbooks).isGreaterThan(10);
        assertThat(broken).isEqualTo(summary.mistakes(GroupWriter.DAMAGED_XLSX)).isGreaterThanOrEqualTo(1);
        assertThat(unreadable).hasSize(broken);
    }

    @Test
    void creditCodesAreValidExceptInjectedMistakes() {
        int invalid = 0;
        int entries = 0;
        for (Map.Entry<String, InboxReader.Table> e : tables.entrySet()) {
            if (path(e.getKey()).recordType() != RecordType.COMPETITION_ENTRIES) {
                continue;
            }
            for (Map<String, String> row : e.getValue().rows()) {
                String code = value(row, "enterprise_credit_code", "统一社会信用代码");
                entries++;
                if (code != null && !code.isEmpty() && !CreditCode.isValid(code)) {
                    invalid++;
                }
            }
        }
        assertThat(entries).isGreaterThan(50);
        assertThat(invalid).isEqualTo(summary.mistakes(MistakeInjector.BAD_CREDIT_CODE));
    }

    @Test
    void idNumbersHaveValidCheckDigits() {
        int checked = 0;
        for (Map.Entry<String, InboxReader.Table> e : tables.entrySet()) {
            for (Map<String, String> row : e.getValue().rows()) {
                for (String[] names : new String[][] {{"id_number", "身份证号"}, {"head_id_number", "户主身份证号"}}) {
                    String id = value(row, names);
                    if (id != null && !id.isEmpty()) {
                        assertThat(IdNumbers.isValid(id)).as(id + " in " + e.getKey()).isTrue();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void summaryMatchesWhatWasWritten() throws IOException {
        assertThat(summary.files()).isEqualTo(files.size());
        Map<String, Long> rows = new TreeMap<>();
        for (Map.Entry<String, InboxReader.Table> e : tables.entrySet()) {
            rows.merge(path(e.getKey()).recordType().code(), (long) e.getValue().rows().size(), Long::sum);
        }
        assertThat(rows).isEqualTo(new TreeMap<>(summary.rowsByRecordType()));
        GenerationSummary fromJson = new ObjectMapper().readValue(
                first.resolve(GenerationSummary.FILE_NAME).toFile(), GenerationSummary.class);
        assertThat(fromJson).isEqualTo(summary);

        // Member events that count: the latest file of each group, duplicates removed.
        Map<String, List<Path>> groups = new HashMap<>();
        for (Path f : files) {
            SubmissionPath p = path(relative(f));
            groups.computeIfAbsent(p.groupKey(), k -> new ArrayList<>()).add(f);
        }
        long effectiveEvents = 0;
        long replacedRows = 0;
        int corrected = 0;
        for (List<Path> group : groups.values()) {
            assertThat(group).hasSizeLessThanOrEqualTo(2);
            group.sort((x, y) -> mtime(x).compareTo(mtime(y)));
            if (group.size() == 2) {
                corrected++;
                assertThat(mtime(group.get(1))).isGreaterThan(mtime(group.get(0)));
                assertThat(path(relative(group.get(1))).version()).isGreaterThan(1);
                InboxReader.Table replaced = tables.get(relative(group.get(0)));
                replacedRows += replaced == null ? 0 : replaced.rows().size();
            }
            Path latest = group.get(group.size() - 1);
            if (path(relative(latest)).recordType() == RecordType.MEMBER_EVENTS) {
                effectiveEvents += new HashSet<>(tables.get(relative(latest)).rows()).size();
            }
        }
        assertThat(corrected).isEqualTo(summary.mistakes(GroupWriter.CORRECTED_FILES)).isGreaterThanOrEqualTo(1);
        assertThat(replacedRows).isEqualTo(summary.mistakes(GroupWriter.REPLACED_ROWS));
        assertThat(effectiveEvents).isEqualTo(summary.memberEvents());
        assertThat(summary.mistakesByKind()).containsKeys(MistakeInjector.DUPLICATE, MistakeInjector.UNKNOWN_ORG);
    }

    @Test
    void memberEventsMeetTheTarget() {
        // 25 000 over the 9 counties, less the silent one and the missed period.
        assertThat(summary.memberEvents()).isBetween(19_000L, 25_000L);
    }

    @Test
    void membersTransferBetweenCountiesAndJoinsOutnumberLeaves() {
        Map<String, Set<String>> outBy = new HashMap<>();
        Map<String, Set<String>> inBy = new HashMap<>();
        long joins = 0;
        long leaves = 0;
        for (Map.Entry<String, InboxReader.Table> e : tables.entrySet()) {
            SubmissionPath p = path(e.getKey());
            if (p.recordType() != RecordType.MEMBER_EVENTS) {
                continue;
            }
            for (Map<String, String> row : e.getValue().rows()) {
                String type = value(row, "event_type", "变动类型");
                String member = value(row, "member_id", "会员编号");
                switch (type == null ? "" : type) {
                    case "join", "入会" -> joins++;
                    case "leave", "退会" -> leaves++;
                    case "transfer_out", "转出" -> outBy.computeIfAbsent(member, k -> new HashSet<>()).add(p.submitter());
                    case "transfer_in", "转入" -> inBy.computeIfAbsent(member, k -> new HashSet<>()).add(p.submitter());
                    default -> { }
                }
            }
        }
        assertThat(joins).isGreaterThan(leaves * 11 / 10);
        long crossCounty = outBy.entrySet().stream()
                .filter(e -> inBy.containsKey(e.getKey()) && !inBy.get(e.getKey()).equals(e.getValue()))
                .count();
        assertThat(crossCounty).isGreaterThan(20);
    }

    @Test
    void personalDataAppearsInAnExtraColumnSometimes() {
        assertThat(tables.values().stream().flatMap(t -> t.header().stream()).map(String::strip))
                .contains("联系电话")
                .contains("备注");
    }

    private static GeneratorConfig config() {
        return GeneratorConfig.defaults(first, Scale.TINY);
    }

    private static FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A cell by any of the header spellings (English, Chinese; decorated headers normalised). */
    static String value(Map<String, String> row, String... names) {
        Set<String> keys = new HashSet<>();
        for (String n : names) {
            keys.add(TextNormalizer.headerKey(n));
        }
        for (Map.Entry<String, String> e : row.entrySet()) {
            if (keys.contains(TextNormalizer.headerKey(e.getKey()))) {
                return e.getValue();
            }
        }
        return null;
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

}
