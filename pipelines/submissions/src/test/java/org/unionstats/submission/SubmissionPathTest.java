package org.unionstats.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.values.ValueFormatException;

class SubmissionPathTest {

    private static final RegionDirectory REGIONS = RegionDirectory.loadDefault();

    private static SubmissionPath parse(String path) {
        return SubmissionPath.parse(path, REGIONS);
    }

    private static ValueFormatException refusal(String path) {
        ValueFormatException e = catchThrowableOfType(ValueFormatException.class, () -> parse(path));
        assertThat(e).as("refusal of " + path).isNotNull();
        return e;
    }

    @Test
    void plainCountyPath() {
        SubmissionPath p = parse("130306/2024Q3/member_events.csv");
        assertThat(p.relativePath()).isEqualTo("130306/2024Q3/member_events.csv");
        assertThat(p.submitter()).isEqualTo("130306");
        assertThat(p.period()).isEqualTo(Period.quarter(2024, 3));
        assertThat(p.recordType()).isEqualTo(RecordType.MEMBER_EVENTS);
        assertThat(p.format()).isEqualTo(SubmissionFormat.CSV);
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.groupKey()).isEqualTo("member_events|2024Q3|130306");
    }

    @Test
    void chinesePeriodFolderAndChineseFileName() {
        SubmissionPath p = parse("130306/2024年第三季度/会员变动-第二版.xlsx");
        assertThat(p.submitter()).isEqualTo("130306");
        assertThat(p.period()).isEqualTo(Period.quarter(2024, 3));
        assertThat(p.period().canonical()).isEqualTo("2024Q3");
        assertThat(p.recordType()).isEqualTo(RecordType.MEMBER_EVENTS);
        assertThat(p.format()).isEqualTo(SubmissionFormat.XLSX);
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.groupKey()).isEqualTo(parse("130306/2024Q3/member_events.csv").groupKey());
    }

    @Test
    void basicUnionSubmitterAndMonthPeriod() {
        SubmissionPath p = parse("130306-0042/2024年7月/indicator_reports.jsonl");
        assertThat(p.submitter()).isEqualTo("130306-0042");
        assertThat(p.period()).isEqualTo(Period.month(2024, 7));
        assertThat(p.recordType()).isEqualTo(RecordType.INDICATOR_REPORTS);
        assertThat(p.format()).isEqualTo(SubmissionFormat.JSONL);
        assertThat(p.groupKey()).isEqualTo("indicator_reports|2024-07|130306-0042");
    }

    @ParameterizedTest
    @CsvSource({
        "130300/2024年上半年/competitions.csv, 2024H1, COMPETITIONS",
        "130300/2024年下半年/competition_entries.csv, 2024H2, COMPETITION_ENTRIES",
        "130322/2024年度/hardship_cases.xlsx, 2024, HARDSHIP_CASES",
        "130322/2024-Q3/org_units.csv, 2024Q3, ORG_UNITS",
        "130322/202407/工作指标报表.xlsx, 2024-07, INDICATOR_REPORTS",
        "130306-12345678/2024年三季度/困难职工家庭档案.csv, 2024Q3, HARDSHIP_CASES",
        "130306/2023Q1/balances.csv, 2023Q1, BALANCES",
        "130306/2023年第一季度/存量报告-第二版.xlsx, 2023Q1, BALANCES",
    })
    void otherSubmittersPeriodsAndTypes(String path, String period, RecordType type) {
        SubmissionPath p = parse(path);
        assertThat(p.period().canonical()).isEqualTo(period);
        assertThat(p.recordType()).isEqualTo(type);
    }

    @Test
    void windowsSeparatorsAndPaddedSubmitterFolder() {
        SubmissionPath p = parse("130306 \\2024Q3\\org_units.csv");
        assertThat(p.submitter()).isEqualTo("130306");
        assertThat(p.recordType()).isEqualTo(RecordType.ORG_UNITS);
        assertThat(p.relativePath()).isEqualTo("130306 \\2024Q3\\org_units.csv");
    }

    @Test
    void upperCaseExtension() {
        SubmissionPath p = parse("130306/2024Q3/MEMBER_EVENTS.XLSX");
        assertThat(p.format()).isEqualTo(SubmissionFormat.XLSX);
        assertThat(p.recordType()).isEqualTo(RecordType.MEMBER_EVENTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"member_events.csv", "2024Q3/member_events.csv",
            "inbox/130306/2024Q3/member_events.csv", "130306/2024Q3/extra/member_events.csv", "/130306/2024Q3/member_events.csv"})
    void wrongNumberOfSegmentsIsRefusedBilingually(String path) {
        ValueFormatException e = refusal(path);
        assertThat(e.messageZh()).contains("文件位置不对").contains(path)
                .contains("<报送单位代码>/<期间>/<记录类型>").contains("130306/2024Q3/member_events.csv");
        assertThat(e.messageEn()).contains("misplaced file").contains(path).contains("<submitter org code>/<period>/<record type>");
        assertThat(e.getMessage()).isEqualTo(e.messageEn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999", "13030", "1303060", "130306-42", "130306-123456789", "130306_0042", "抚宁区", "999999-0042"})
    void unknownSubmitterFolderIsRefused(String folder) {
        ValueFormatException e = refusal(folder + "/2024Q3/member_events.csv");
        assertThat(e.messageZh()).contains("文件夹「" + folder + "」").contains("不是已知的报送单位代码");
        assertThat(e.messageEn()).contains("folder '" + folder + "'").contains("not a known submitter org code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024Q5", "2024-13", "第三季度", "24Q3", "2024年13月", "Q3"})
    void badPeriodFolderIsRefused(String period) {
        ValueFormatException e = refusal("130306/" + period + "/member_events.csv");
        assertThat(e.messageZh()).contains("无法识别的期间「" + period + "」");
        assertThat(e.messageEn()).contains("cannot read the period '" + period + "'");
    }

    @Test
    void oldExcelFilesAreRefusedWithAHint() {
        ValueFormatException e = refusal("130306/2024Q3/member_events.xls");
        assertThat(e.messageZh()).contains("不支持的文件格式「member_events.xls」").contains(".xlsx");
        assertThat(e.messageEn()).contains("unsupported file type 'member_events.xls'").contains("save old .xls workbooks as .xlsx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"member_events.txt", "member_events.json", "member_events", "member_events.csv.zip"})
    void otherFormatsAreRefused(String fileName) {
        ValueFormatException e = refusal("130306/2024Q3/" + fileName);
        assertThat(e.messageEn()).startsWith("unsupported file type '" + fileName + "'");
    }

    @Test
    void unknownRecordTypeIsRefused() {
        ValueFormatException e = refusal("130306/2024Q3/members.csv");
        assertThat(e.messageZh()).contains("无法从文件名「members.csv」判断记录类型").contains("会员变动");
        assertThat(e.messageEn()).contains("cannot tell the record type from the file name 'members.csv'")
                .contains("member_events").contains("indicator_reports").contains("balances");
    }

    @ParameterizedTest
    @CsvSource({
        "会员变动-第二版.xlsx, 2",
        "会员变动(第三版).xlsx, 3",
        "member_events_第十版.csv, 10",
        "会员变动-第十二版.xlsx, 12",
        "会员变动-第二十版.xlsx, 20",
        "会员变动-第二十一版.xlsx, 21",
        "会员变动第2版.xlsx, 2",
        "会员变动第12版.xlsx, 12",
        "member_events_v3.csv, 3",
        "member_events_V3.csv, 3",
        "member_events-v4.csv, 4",
        "member_events v5.csv, 5",
        "member_events(v6).csv, 6",
        "member_events（v7）.csv, 7",
        "member_events_v10.csv, 10",
        "会员变动-更正.xlsx, 2",
        "会员变动（修正）.xlsx, 2",
        "member_events_corrected.csv, 2",
        "member_events_REVISED.csv, 2",
        "member_events.csv, 1",
        "会员变动.xlsx, 1",
        "member_eventsv3.csv, 1",
        "member_events_2024.csv, 1",
    })
    void versionRule(String fileName, int version) {
        assertThat(SubmissionPath.version(fileName)).isEqualTo(version);
    }

    @Test
    void versionReachesTheParsedPath() {
        assertThat(parse("130306/2024Q3/会员变动-第十二版.xlsx").version()).isEqualTo(12);
        assertThat(parse("130306/2024Q3/member_events_v3.csv").version()).isEqualTo(3);
        assertThat(parse("130306/2024Q3/会员变动-更正.csv").version()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"member_events_v99999999999.csv", "member_events_v1000.csv", "会员变动-第99999999999版.xlsx",
            "会员变动-第九十九十九十九十九十九十九十九十九十九十九十九十九十版.xlsx", "member_events_v00000000000000000000000000001.csv"})
    void versionNumbersThatDoNotFitAreRefusedNotWrapped(String fileName) {
        ValueFormatException e = refusal("130306/2024Q3/" + fileName);
        assertThat(e.messageZh()).contains("版本号").contains("过大").contains("999");
        assertThat(e.messageEn()).contains("version number").contains("too large");
    }

    @Test
    void theLargestVersionIsRead() {
        assertThat(parse("130306/2024Q3/member_events_v999.csv").version()).isEqualTo(999);
        assertThat(parse("130306/2024Q3/member_events_v0999.csv").version()).isEqualTo(999);
    }

    @ParameterizedTest
    @ValueSource(strings = {"member_events\u202Egpj.csv", "member_events\u0007.csv", "member_events\u200B.csv",
            "member\u0000events.csv", "member_events\u2066.csv", "member_events\uFFFD.csv"})
    void controlDirectionAndZeroWidthCharactersInANameAreRefusedAndShownVisibly(String fileName) {
        ValueFormatException e = refusal("130306/2024Q3/" + fileName);
        assertThat(e.messageZh()).contains("控制字符").contains("<U+");
        assertThat(e.messageEn()).contains("control").contains("<U+");
        assertThat(org.unionstats.text.TextHazards.hasAny(e.messageZh() + e.messageEn())).isFalse();
    }

    @Test
    void controlCharactersInAFolderNameAreRefusedToo() {
        assertThat(refusal("130306\u202E/2024Q3/member_events.csv").messageEn()).contains("U+202E");
    }

    @Test
    void anOverlongFileNameIsRefusedWithoutQuotingItWhole() {
        String name = "member_events_" + "x".repeat(200) + ".csv";
        ValueFormatException e = catchThrowableOfType(ValueFormatException.class,
                () -> SubmissionPath.parse("130306/2024Q3/" + name, REGIONS, 120));
        assertThat(e.messageZh()).contains("文件名过长").contains("218").contains("120");
        assertThat(e.messageEn()).contains("too long").doesNotContain(name);
        assertThat(SubmissionPath.parse("130306/2024Q3/" + name, REGIONS).recordType()).isEqualTo(RecordType.MEMBER_EVENTS);
    }

    @Test
    void aPeriodTheCalendarRefusesIsABadPeriod() {
        assertThat(refusal("130306/0000Q3/member_events.csv").messageEn()).contains("cannot read the period '0000Q3'");
    }

    @Test
    void formatFromFileName() {
        assertThat(SubmissionFormat.fromFileName("a.csv")).contains(SubmissionFormat.CSV);
        assertThat(SubmissionFormat.fromFileName("a.XLSX")).contains(SubmissionFormat.XLSX);
        assertThat(SubmissionFormat.fromFileName("a.jsonl")).contains(SubmissionFormat.JSONL);
        assertThat(SubmissionFormat.fromFileName("a.xls")).isEmpty();
        assertThat(SubmissionFormat.fromFileName("a.csv.bak")).isEmpty();
    }
}
