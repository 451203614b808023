package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;
import static org.unionstats.validation.ValidationFixture.CATALOG;
import static org.unionstats.validation.ValidationFixture.INDICATORS;
import static org.unionstats.validation.ValidationFixture.PSEUDONYMIZER;
import static org.unionstats.validation.ValidationFixture.REFS;
import static org.unionstats.validation.ValidationFixture.REGIONS;
import static org.unionstats.validation.ValidationFixture.accepted;
import static org.unionstats.validation.ValidationFixture.path;
import static org.unionstats.validation.ValidationFixture.rejected;
import static org.unionstats.validation.ValidationFixture.row;
import static org.unionstats.validation.ValidationFixture.single;
import static org.unionstats.validation.ValidationFixture.with;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionstats.contract.HeaderMapper;
import org.unionstats.contract.RecordType;

/** What a hostile inbox puts in cells: control characters, huge cells and numbers, ID numbers where they do not belong. */
class HostileCellsValidationTest {

    private static final String MEMBERS = "130306/2024Q3/member_events.csv";
    private static final String HARDSHIP = "130306/2024Q3/hardship_cases.csv";
    private static final String COMPETITIONS = "130306/2024Q3/competitions.csv";
    private static final String ENTRIES = "130306/2024Q3/competition_entries.csv";
    private static final String INDICATOR_REPORTS = "130306/2024Q3/indicator_reports.csv";

    private static final String[] MEMBER = {
        "会员编号", "M0001", "所属工会代码", "130306-0001", "变动类型", "入会", "变动日期", "2024-07-05",
    };
    private static final String[] CASE = {
        "档案编号", "KH-2024-001", "所属工会代码", "130306-0001", "建档日期", "2024-07-01", "状态", "在档",
    };
    private static final String[] COMPETITION = {
        "竞赛编号", "JS2024-007", "主办工会代码", "130306", "竞赛名称", "抚宁区焊工技能大赛", "竞赛类别", "技能竞赛",
        "竞赛级别", "县级", "开始日期", "2024-06-01", "结束日期", "2024-07-31", "竞赛项目数", "3",
    };
    private static final String[] ENTRY = {
        "竞赛编号", "JS2024-001", "参赛单位工会代码", "130306-0001", "统一社会信用代码", ValidationFixture.VALID_CREDIT_CODE,
        "参赛人数", "1",
    };
    private static final String[] REPORT = {"工会代码", "130306", "指标代码", "workforce", "数值", "100", "单位", "人"};

    // ---- control characters and length ----

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001B[31m", "\u007F", "\u0085", "\u009B", "\u202E", "\u202A", "\u2066",
            "\u2069", "\u200E", "\u200F", "\u061C", "\u200B", "\u200D", "\u2060", "\uFEFF"})
    void controlDirectionAndZeroWidthCharactersAreRefusedInAnyCell(String hidden) {
        Violation label = single(MEMBERS, with(MEMBER, "变动类型", "入" + hidden + "会"));
        assertThat(label.code()).isEqualTo("CONTROL_CHARACTER");
        assertThat(label.column()).isEqualTo("event_type");
        assertThat(label.messageZh()).isEqualTo("变动类型 含有不可见的控制字符或方向控制字符；请重新输入该单元格");
        assertThat(label.messageEn()).isEqualTo("event_type contains invisible control or text-direction characters; type the cell again");

        assertThat(single(HARDSHIP, with(CASE, "档案编号", "KH" + hidden + "-1")))
                .extracting(Violation::code, Violation::column).containsExactly("CONTROL_CHARACTER", "case_id");
        assertThat(single(MEMBERS, with(MEMBER, "会员编号", "M0001" + hidden)))
                .extracting(Violation::code, Violation::column).containsExactly("CONTROL_CHARACTER", "member_id");
        Violation extra = single(MEMBERS, with(MEMBER, "备注", "已核实" + hidden));
        assertThat(extra.code()).isEqualTo("CONTROL_CHARACTER");
        assertThat(extra.column()).isEqualTo("备注");
    }

    @Test
    void tabsAndLineBreaksInsideACellAreOrdinaryText() {
        ValidatedRow row = accepted(COMPETITIONS, with(COMPETITION, "竞赛名称", "抚宁区\t焊工\r\n技能大赛"));
        assertThat(row.values().get("name")).isEqualTo("抚宁区 焊工 技能大赛");
    }

    @Test
    void brokenTextIsABadEncoding() {
        assertThat(single(MEMBERS, with(MEMBER, "备注", "已核\uFFFD实")).code()).isEqualTo("BAD_ENCODING");
        assertThat(single(MEMBERS, with(MEMBER, "变动类型", "入\uD800会")).code()).isEqualTo("BAD_ENCODING");
    }

    @Test
    void aCellLongerThanTheLimitIsRefusedBeforeItIsRead() {
        Violation v = single(COMPETITIONS, with(COMPETITION, "竞赛名称", "焊".repeat(2001)));
        assertThat(v.code()).isEqualTo("VALUE_TOO_LONG");
        assertThat(v.column()).isEqualTo("name");
        assertThat(v.messageZh()).isEqualTo("竞赛名称 的内容长度 2001 超过上限 2000 个字符");
        assertThat(v.messageEn()).isEqualTo("name is 2001 characters long, over the limit of 2000");
        assertThat(accepted(COMPETITIONS, with(COMPETITION, "竞赛名称", "焊".repeat(2000))).values().get("name"))
                .asString().hasSize(2000);
        // characters, not UTF-16 units: 2000 emoji are 4000 chars
        assertThat(accepted(COMPETITIONS, with(COMPETITION, "竞赛名称", "😀".repeat(2000)))).isNotNull();
        // a huge number cell is refused as too long, not parsed
        assertThat(single(HARDSHIP, with(CASE, "帮扶金额（元）", "9".repeat(1_000_000))).code()).isEqualTo("VALUE_TOO_LONG");
    }

    @Test
    void limitsArePassedByTheIngest() {
        RowValidator strict = new RowValidator(CATALOG, REGIONS, INDICATORS, PSEUDONYMIZER, new CellLimits(20, 6));
        assertThat(strict.limits()).isEqualTo(new CellLimits(20, 6));
        assertThat(violations(strict, COMPETITIONS, with(COMPETITION, "竞赛名称", "焊".repeat(21))))
                .extracting(Violation::code).containsExactly("VALUE_TOO_LONG");
        assertThat(violations(strict, HARDSHIP, with(CASE, "帮扶金额（元）", "1234567")))
                .extracting(Violation::code, Violation::column).containsExactly(tuple("OUT_OF_RANGE", "assistance_cny"));
        assertThat(violations(strict, HARDSHIP, with(CASE, "帮扶金额（元）", "123456"))).isEmpty();
        assertThat(CellLimits.DEFAULTS).isEqualTo(new CellLimits(2000, 30));
    }

    // ---- numbers: per row, never per file ----

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e999", "1E-999", "1e9999", "∞"})
    void nonFiniteAndAbsurdNumbersAreRefusedPerRow(String written) {
        Violation v = single(HARDSHIP, with(CASE, "帮扶金额（元）", written));
        assertThat(v.column()).isEqualTo("assistance_cny");
        assertThat(v.code()).isIn("BAD_NUMBER", "OUT_OF_RANGE");
    }

    @Test
    void aDigitStringOverTheLimitIsOutOfRange() {
        Violation v = single(HARDSHIP, with(CASE, "帮扶金额（元）", "1".repeat(40)));
        assertThat(v.code()).isEqualTo("OUT_OF_RANGE");
        assertThat(v.messageEn()).contains("40 digits, over the limit of 30");
    }

    @Test
    void itemsBeyondAnIntAreOutOfRangeForTheRow() {
        Violation v = single(COMPETITIONS, with(COMPETITION, "竞赛项目数", "3000000000"));
        assertThat(v.code()).isEqualTo("OUT_OF_RANGE");
        assertThat(v.column()).isEqualTo("items");
        assertThat(v.messageEn()).isEqualTo("items '3000000000' is beyond what can be stored (-2147483648 to 2147483647)");
        assertThat(accepted(COMPETITIONS, with(COMPETITION, "竞赛项目数", "2147483647")).values().get("items"))
                .isEqualTo(2147483647L);
        assertThat(single(COMPETITIONS, with(COMPETITION, "竞赛项目数", "30亿")).code()).isEqualTo("OUT_OF_RANGE");
    }

    @Test
    void entrantsBeyondALongAreOutOfRange() {
        assertThat(single(ENTRIES, with(ENTRY, "参赛人数", "99999999999999999999")).code()).isIn("OUT_OF_RANGE");
        assertThat(single(ENTRIES, with(ENTRY, "参赛人数", "9223372036854775808")).code()).isEqualTo("OUT_OF_RANGE");
    }

    @Test
    void amountsAreCheckedAsTheyWillBeStored() {
        // decimal(18,2): 16 digits before the point
        assertThat(single(HARDSHIP, with(CASE, "帮扶金额（元）", "12345678901234567")).code()).isEqualTo("OUT_OF_RANGE");
        assertThat(single(HARDSHIP, with(CASE, "帮扶金额（元）", "9999999999999999.995")).code()).isEqualTo("OUT_OF_RANGE");
        assertThat(amount(accepted(HARDSHIP, with(CASE, "帮扶金额（元）", "9999999999999999.994")))).isEqualByComparingTo("9999999999999999.99");
        assertThat(single(HARDSHIP, with(CASE, "帮扶金额（元）", "20000万亿")).code()).isEqualTo("OUT_OF_RANGE");
        // rounded half up to cents before the range check: -0.004 is stored as 0, which is allowed
        assertThat(amount(accepted(HARDSHIP, with(CASE, "帮扶金额（元）", "-0.004")))).isEqualByComparingTo("0");
        assertThat(amount(accepted(HARDSHIP, with(CASE, "帮扶金额（元）", "12.345")))).isEqualTo(new BigDecimal("12.35"));
        assertThat(single(HARDSHIP, with(CASE, "帮扶金额（元）", "-0.005")).code()).isEqualTo("OUT_OF_RANGE");
        // decimal(20,2) of an indicator value: 18 digits
        assertThat((BigDecimal) accepted(INDICATOR_REPORTS, with(REPORT, "指标代码", "贴息贷款", "数值", "123456789012345678",
                "单位", "元")).values().get("value")).isEqualByComparingTo("123456789012345678");
        assertThat(single(INDICATOR_REPORTS, with(REPORT, "指标代码", "贴息贷款", "数值", "12345678901234567", "单位", "亿元"))
                .code()).isEqualTo("OUT_OF_RANGE");
    }

    @Test
    void everyAcceptedNumberBuildsARecord() {
        ValidatedRow valid = accepted(HARDSHIP, with(CASE, "帮扶金额（元）", "9999999999999999.994", "家庭人口", "20"));
        Map<String, Object> values = new HashMap<>(valid.values());
        values.put("submitter", "130306");
        values.put("submission_id", "0123456789abcdef");
        values.put("source_file", HARDSHIP);
        values.put("source_row", 2);
        values.put("qualifier", valid.qualifier().code());
        GenericRecord record = RecordBuilder.build(CATALOG.schema(RecordType.HARDSHIP_CASES), values);
        assertThat(GenericData.get().validate(record.getSchema(), record)).isTrue();
    }

    // ---- ID numbers in identifiers ----

    @ParameterizedTest
    @ValueSource(strings = {"130306199001011234", "13030619900101123X", "KH130306199001011234", "130306900101123"})
    void aCaseIdHoldingAnIdNumberIsRefused(String caseId) {
        Violation v = single(HARDSHIP, with(CASE, "档案编号", caseId));
        assertThat(v.code()).isEqualTo("PERSONAL_ID_IN_IDENTIFIER");
        assertThat(v.column()).isEqualTo("case_id");
        assertThat(v.messageZh()).isEqualTo("档案编号 不能填写身份证号码；请改用单位内部编号").doesNotContain("1990");
        assertThat(v.messageEn()).isEqualTo("case_id must not hold an ID-card number; use the union's own case number");
    }

    @Test
    void aCompetitionIdHoldingAnIdNumberIsRefused() {
        assertThat(single(COMPETITIONS, with(COMPETITION, "竞赛编号", "130306199001011234")))
                .extracting(Violation::code, Violation::column).containsExactly("PERSONAL_ID_IN_IDENTIFIER", "competition_id");
    }

    @Test
    void ordinaryCaseIdsAreKept() {
        assertThat(accepted(HARDSHIP, with(CASE, "档案编号", "KH-2024-001")).values().get("case_id")).isEqualTo("KH-2024-001");
        assertThat(accepted(HARDSHIP, with(CASE, "档案编号", "2024070100123")).values().get("case_id")).isEqualTo("2024070100123");
    }

    @Test
    void aMemberIdHoldingAnIdNumberIsPseudonymisedNeverStored() {
        ValidatedRow row = accepted(MEMBERS, with(MEMBER, "会员编号", "130306199001011234"));
        assertThat(row.values().get("member_key")).asString().hasSize(32).doesNotContain("130306199001011234");
        assertThat(row.values().values()).noneMatch(v -> String.valueOf(v).contains("199001011234"));
    }

    // ---- messages quote values masked and cut ----

    @Test
    void messagesNeverEchoPersonalNumbers() {
        Violation label = single(MEMBERS, with(MEMBER, "变动类型", "130306199001011234"));
        assertThat(label.messageZh()).contains("130306************").doesNotContain("199001011234");
        assertThat(label.messageEn()).contains("130306************").doesNotContain("199001011234");
        Violation org = single(MEMBERS, with(MEMBER, "所属工会代码", "138-1234-5678"));
        assertThat(org.code()).isEqualTo("UNKNOWN_ORG");
        assertThat(org.messageZh() + org.messageEn()).contains("138****5678").doesNotContain("1234-5678");
        Violation number = single(HARDSHIP, with(CASE, "帮扶金额（元）", "电话13812345678"));
        assertThat(number.messageEn()).contains("138****5678").doesNotContain("13812345678");
        Violation date = single(MEMBERS, with(MEMBER, "变动日期", "+86 138 1234 5678"));
        assertThat(date.messageEn()).contains("+86 138****5678");
    }

    @Test
    void messagesQuoteAtMostAHundredCharacters() {
        Violation v = single(MEMBERS, with(MEMBER, "变动类型", "入".repeat(1500)));
        assertThat(v.code()).isEqualTo("BAD_LABEL");
        assertThat(v.messageZh()).contains("入".repeat(99) + "…").doesNotContain("入".repeat(100));
    }

    @Test
    void extrasAreMaskedAfterNormalising() {
        ValidatedRow row = accepted(MEMBERS, with(MEMBER, "备注", "电话 １３８－１２３４－５６７８，邮箱 zs@example.com", "负责人", "张三",
                "微信", "zhangsan88"));
        assertThat(row.extras()).containsEntry("备注", "电话 138****5678,邮箱 z***@example.com")
                .containsEntry("负责人", "张**").containsEntry("微信", "z*********");
    }

    @Test
    void noCellEverThrows() {
        String[] hostile = {"\u0000", "1e999999", "9".repeat(5000), "NaN", "-", "¥", "万亿", "近", "2024-02-30", "\uD800", "😀",
            "１３８１２３４５６７８", "130306-0001\u202E", "'; DROP TABLE", "=HYPERLINK(\"x\")", "0x7fffffff"};
        for (String[] base : List.of(MEMBER, CASE, COMPETITION, ENTRY, REPORT)) {
            String type = base == MEMBER ? MEMBERS : base == CASE ? HARDSHIP : base == COMPETITION ? COMPETITIONS
                    : base == ENTRY ? ENTRIES : INDICATOR_REPORTS;
            for (int i = 1; i < base.length; i += 2) {
                for (String h : hostile) {
                    String[] r = base.clone();
                    r[i] = h;
                    assertThatCode(() -> ValidationFixture.validate(type, r)).as(type + " " + base[i - 1] + "=" + h)
                            .doesNotThrowAnyException();
                }
            }
        }
    }

    private static BigDecimal amount(ValidatedRow row) {
        return (BigDecimal) row.values().get("assistance_cny");
    }

    private static List<Violation> violations(RowValidator validator, String relativePath, String[] pairs) {
        ValidationFixture.Row r = row(pairs);
        HeaderMapper.Mapping mapping = new HeaderMapper(CATALOG.columns(path(relativePath).recordType())).map(r.headers());
        RowResult result = validator.validate(path(relativePath), mapping, r.cells(), REFS);
        return result instanceof RowResult.Rejected rejected ? rejected.violations() : List.of();
    }

    @SuppressWarnings("unused")
    private static List<Violation> rejectedOf(String relativePath, String... pairs) {
        return rejected(relativePath, pairs);
    }
}
