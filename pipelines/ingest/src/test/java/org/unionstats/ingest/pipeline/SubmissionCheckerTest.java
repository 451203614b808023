package org.unionstats.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.unionstats.ingest.IngestLimits;
import org.unionstats.ingest.inbox.InboxFiles;
import org.unionstats.ingest.plan.PlannedFile;
import org.unionstats.ingest.read.Deadline;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.validation.ReferenceCodes;

/** One file through the checker: header and raw-cell checks before validation, and refusals of the whole file. */
class SubmissionCheckerTest {

    private static final RegionDirectory REGIONS = RegionDirectory.loadDefault();
    private static final ReferenceCodes REFS = new ReferenceCodes(Set.of("130306-0001"), Set.of());
    private static final String HEADER = "会员编号,所属工会代码,变动类型,变动日期";
    private static final SubmissionChecker CHECKER = SubmissionChecker.create("0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    private static SubmissionOutcome check(String name, byte[] bytes) {
        return check(CHECKER, name, bytes);
    }

    private static SubmissionOutcome check(SubmissionChecker checker, String name, byte[] bytes) {
        String relative = "130306/2024Q3/" + name;
        PlannedFile file = new PlannedFile(relative, relative, InboxFiles.sha256(bytes), 0L, SubmissionPath.parse(relative, REGIONS),
                null, null, null);
        return checker.check(file, bytes, REFS, "run", 0L);
    }

    private static SubmissionOutcome csv(String... lines) {
        return check("member_events.csv", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> codes(SubmissionOutcome o) {
        return o.quarantine().stream().map(e -> e.get("error_code").toString()).toList();
    }

    private static String field(GenericRecord r, String name) {
        Object v = r.get(name);
        return v == null ? null : v.toString();
    }

    private static void reconciles(SubmissionOutcome o) {
        GenericRecord r = o.receipt();
        assertThat((Long) r.get("rows_read")).isEqualTo((Long) r.get("accepted") + (Long) r.get("duplicates") + (Long) r.get("quarantined"));
    }

    @Test
    void theReceiptIsReceivedAtTheRunsStartUnlessAnEarlierReceiptSawTheSameContent() throws Exception {
        byte[] bytes = (HEADER + "\nM1,130306-0001,入会,2024-07-05\n").getBytes(StandardCharsets.UTF_8);
        String relative = "130306/2024Q3/member_events.csv";
        PlannedFile file = new PlannedFile(relative, relative, InboxFiles.sha256(bytes), 1_000L, SubmissionPath.parse(relative, REGIONS),
                null, null, null);
        GenericRecord fresh = CHECKER.check(file, bytes, REFS, "run", 5_000L).receipt();
        assertThat(fresh.get("received_at")).isEqualTo(5_000L);
        assertThat(fresh.get("file_modified_at")).isEqualTo(1_000L);

        PlannedFile seenBefore = file.receivedAt(3_000L);
        assertThat(CHECKER.check(seenBefore, bytes, REFS, "run", 5_000L).receipt().get("received_at")).isEqualTo(3_000L);
        assertThat(CHECKER.refuse(seenBefore.refused(CheckSubmissionsFn.changedWhileIngesting()), CheckSubmissionsFn.changedWhileIngesting(),
                "run", 5_000L).receipt().get("received_at")).isEqualTo(3_000L);

        // The coder carries it between workers.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.unionstats.ingest.plan.PlannedFileCoder.of().encode(seenBefore.withRank(2), out);
        PlannedFile decoded = org.unionstats.ingest.plan.PlannedFileCoder.of().decode(new java.io.ByteArrayInputStream(out.toByteArray()));
        assertThat(decoded).isEqualTo(seenBefore.withRank(2));
        out.reset();
        org.unionstats.ingest.plan.PlannedFileCoder.of().encode(file, out);
        assertThat(org.unionstats.ingest.plan.PlannedFileCoder.of().decode(new java.io.ByteArrayInputStream(out.toByteArray())).receivedAt())
                .isNull();
    }

    @Test
    void controlCharactersDamagedTextOverlongCellsAndExtraCellsAreRowErrors() {
        SubmissionOutcome o = csv(HEADER,
                "M1,130306-0001,入会,2024-07-05",
                "M\u00002,130306-0001,入会,2024-07-05",
                "M3,130306-0001,\u202E会入,2024-07-05",
                "M4,130306-\u200B0001,入会,2024-07-05",
                "M5,130306-0001,入\uFFFD,2024-07-05",
                "M6,130306-0001,入会,2024-07-05,stray,cells",
                "M7" + "7".repeat(3000) + ",130306-0001,入会,2024-07-05");
        assertThat(codes(o)).containsExactly("CONTROL_CHARACTER", "CONTROL_CHARACTER", "CONTROL_CHARACTER", "BAD_ENCODING", "EXTRA_CELLS",
                "VALUE_TOO_LONG");
        assertThat(o.receipt().get("accepted")).isEqualTo(1L);
        assertThat(o.refused()).isFalse();
        reconciles(o);
        GenericRecord nul = o.quarantine().get(0);
        assertThat(field(nul, "column_name")).isEqualTo("member_id");
        assertThat(field(nul, "message_en")).contains("member_id contains invisible control");
        assertThat(field(nul, "raw_row")).contains("<U+0000>").doesNotContain("\u0000");
        assertThat(field(o.quarantine().get(1), "raw_row")).contains("<U+202E>").doesNotContain("\u202E");
        assertThat(field(o.quarantine().get(4), "message_en")).contains("data beyond the header (cells: 2, from column 5)");
        assertThat(field(o.quarantine().get(5), "message_en")).contains("3002 characters long, over the limit of 2000");
        assertThat(field(o.quarantine().get(5), "raw_row").length()).isLessThan(400);
    }

    @Test
    void duplicateHeadersRefuseTheFile() {
        SubmissionOutcome same = csv(HEADER + ",变动 日期", "M1,130306-0001,入会,2024-07-05,2024-07-06");
        assertThat(codes(same)).containsExactly("DUPLICATE_HEADER");
        assertThat(field(same.quarantine().get(0), "message_en")).contains("'变动日期 / 变动 日期'").contains("columns 4, 5");
        assertThat(same.refused()).isTrue();
        reconciles(same);

        SubmissionOutcome alias = csv(HEADER + ",member_id", "M1,130306-0001,入会,2024-07-05,M2");
        assertThat(codes(alias)).containsExactly("DUPLICATE_HEADER");
        assertThat(field(alias.receipt(), "status")).isEqualTo("refused");
    }

    @Test
    void aHeaderOnlyFileIsAnEmptySubmission() {
        SubmissionOutcome o = csv(HEADER, ",,,");
        assertThat(codes(o)).containsExactly("EMPTY_SUBMISSION");
        assertThat(o.refused()).isTrue();
        assertThat(o.receipt().get("rows_read")).isEqualTo(1L);
        assertThat(field(o.quarantine().get(0), "message_zh")).contains("此前已入库的报送保持有效");
        reconciles(o);
    }

    @Test
    void aFileWithoutAHeaderRowDoesNotEchoItsFirstRow() {
        SubmissionOutcome o = csv("M9,130306-0001,入会,2024-07-05,张三,130306199001011234,13812345678");
        assertThat(codes(o)).containsExactly("MISSING_COLUMN");
        String messages = field(o.quarantine().get(0), "message_zh") + field(o.quarantine().get(0), "message_en");
        assertThat(messages).doesNotContain("130306199001011234").doesNotContain("13812345678").doesNotContain("张三")
                .doesNotContain("M9").contains("7 列");
    }

    @Test
    void unknownHeadersAreEchoedMasked() {
        SubmissionOutcome o = csv("会员编号,备注13812345678");
        assertThat(codes(o)).containsExactly("MISSING_COLUMN");
        assertThat(field(o.quarantine().get(0), "message_en")).contains("138****5678").doesNotContain("13812345678");
    }

    @Test
    void tooManyRowsRefuseTheFileAndDropWhatWasRead() {
        SubmissionChecker small = SubmissionChecker.create("0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                IngestLimits.defaults().withMaxRows(2));
        SubmissionOutcome o = check(small, "member_events.csv", (HEADER + "\nM1,130306-0001,入会,2024-07-05\nM2,130306-0001,入会,2024-07-05\n"
                + "M3,130306-0001,入会,2024-07-05\n").getBytes(StandardCharsets.UTF_8));
        assertThat(codes(o)).containsExactly("TOO_MANY_ROWS");
        assertThat(o.accepted()).isEmpty();
        assertThat(field(o.quarantine().get(0), "message_en")).contains("more than 2 rows");
        reconciles(o);
    }

    @Test
    void aFileThatRunsOutOfTimeIsRefused() {
        String relative = "130306/2024Q3/member_events.csv";
        byte[] bytes = (HEADER + "\nM1,130306-0001,入会,2024-07-05\n").getBytes(StandardCharsets.UTF_8);
        PlannedFile file = new PlannedFile(relative, relative, InboxFiles.sha256(bytes), 0L, SubmissionPath.parse(relative, REGIONS),
                null, null, null);
        SubmissionOutcome o = CHECKER.check(file, bytes, REFS, "run", 0L, Deadline.after(Duration.ZERO, "300"));
        assertThat(codes(o)).containsExactly("TIMED_OUT");
        assertThat(field(o.quarantine().get(0), "message_en")).contains("longer than 300 seconds");
        assertThat(field(o.receipt(), "status")).isEqualTo("refused");
    }

    @Test
    void aPhoneNumberInTheFileNameIsMaskedEverywhere() {
        String relative = "130306/2024Q3/member_events_联系人13812345678.csv";
        byte[] bytes = (HEADER + "\nM1,130306-0001,入会,2024-07-05\nM2,130306-0001,人会,2024-07-05\n").getBytes(StandardCharsets.UTF_8);
        PlannedFile file = new PlannedFile(relative, relative, InboxFiles.sha256(bytes), 0L, SubmissionPath.parse(relative, REGIONS),
                null, null, null);
        SubmissionOutcome o = CHECKER.check(file, bytes, REFS, "run", 0L);
        assertThat(field(o.receipt(), "source_file")).isEqualTo("130306/2024Q3/member_events_联系人138****5678.csv");
        assertThat(field(o.accepted().get(0), "source_file")).doesNotContain("13812345678");
        assertThat(field(o.quarantine().get(0), "source_file")).doesNotContain("13812345678");
    }
}
