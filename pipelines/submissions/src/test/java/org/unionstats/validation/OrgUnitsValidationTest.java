package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.unionstats.validation.ValidationFixture.accepted;
import static org.unionstats.validation.ValidationFixture.rejected;
import static org.unionstats.validation.ValidationFixture.single;
import static org.unionstats.validation.ValidationFixture.with;
import static org.unionstats.validation.ValidationFixture.without;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionstats.values.Qualifier;

class OrgUnitsValidationTest {

    private static final String PATH = "130306/2024Q3/org_units.csv";

    private static final String[] ROW = {
        "工会代码", "130306-0042",
        "工会名称", "抚宁区某某镇总工会",
        "层级", "乡镇街道",
        "上级工会代码", "130306",
        "行政区划代码", "130306",
        "成立日期", "2010-05-01",
        "职工人数", "1.7万",
    };

    @Test
    void acceptedRowHasTypedValues() {
        ValidatedRow row = accepted(PATH, ROW);
        assertThat(row.values()).containsExactly(
                entry("org_code", "130306-0042"),
                entry("name", "抚宁区某某镇总工会"),
                entry("level", "township"),
                entry("parent_org_code", "130306"),
                entry("region_code", "130306"),
                entry("established_on", LocalDate.of(2010, 5, 1)),
                entry("workforce", 17000L));
        assertThat(row.values().get("workforce")).isInstanceOf(Long.class);
        assertThat(row.qualifier()).isEqualTo(Qualifier.EXACT);
    }

    @Test
    void qualifierFromAnOverFigure() {
        ValidatedRow row = accepted(PATH, with(ROW, "职工人数", "5000余"));
        assertThat(row.values().get("workforce")).isEqualTo(5000L);
        assertThat(row.qualifier()).isEqualTo(Qualifier.OVER);
    }

    @Test
    void qualifierFromANearlyFigure() {
        ValidatedRow row = accepted(PATH, with(ROW, "职工人数", "近3000"));
        assertThat(row.values().get("workforce")).isEqualTo(3000L);
        assertThat(row.qualifier()).isEqualTo(Qualifier.NEARLY);
    }

    @ParameterizedTest
    @CsvSource({"'1,234', 1234", "１２３, 123", "17000.0, 17000", "2.05亿, 205000000"})
    void chineseNumberForms(String written, long expected) {
        assertThat(accepted(PATH, with(ROW, "职工人数", written)).values().get("workforce")).isEqualTo(expected);
    }

    @Test
    void fractionalCountIsABadNumber() {
        Violation v = single(PATH, with(ROW, "职工人数", "12.5"));
        assertThat(v.code()).isEqualTo("BAD_NUMBER");
        assertThat(v.column()).isEqualTo("workforce");
        assertThat(v.messageEn()).contains("12.5").contains("whole number");
    }

    @Test
    void englishHeadersAndLevelCodes() {
        ValidatedRow row = accepted(PATH,
                "org_code", "130306-0043",
                "name", "某某有限公司工会",
                "level", "enterprise",
                "parent_org_code", "130306-0042",
                "region_code", "130306");
        assertThat(row.values()).containsOnly(
                entry("org_code", "130306-0043"),
                entry("name", "某某有限公司工会"),
                entry("level", "enterprise"),
                entry("parent_org_code", "130306-0042"),
                entry("region_code", "130306"));
    }

    @Test
    void aProvinceNeedsNoParent() {
        ValidatedRow row = accepted("130000/2024/org_units.csv",
                "工会代码", "130000", "工会名称", "河北省总工会", "层级", "省", "行政区划代码", "130000");
        assertThat(row.values()).containsEntry("level", "province").doesNotContainKey("parent_org_code");
    }

    @Test
    void everyOtherLevelNeedsAParent() {
        Violation v = single(PATH, without(ROW, "上级工会代码"));
        assertThat(v.code()).isEqualTo("PARENT_REQUIRED");
        assertThat(v.column()).isEqualTo("parent_org_code");
        assertThat(v.messageZh()).isEqualTo("上级工会代码为必填项（仅省级工会可不填）");
        assertThat(v.messageEn()).isEqualTo("parent_org_code is required for every union below a province");
        assertThat(single(PATH, with(ROW, "上级工会代码", "", "层级", "县")).code()).isEqualTo("PARENT_REQUIRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"130306-42", "130306-123456789", "1303060042", "999999-0001", "999999", "130306-00a2", "ABC"})
    void malformedDeclaredOrgCode(String code) {
        Violation v = single(PATH, with(ROW, "工会代码", code));
        assertThat(v.code()).isEqualTo("BAD_ORG_CODE");
        assertThat(v.column()).isEqualTo("org_code");
        assertThat(v.messageZh()).contains("工会代码「" + code + "」格式不对").contains("130306-0042");
        assertThat(v.messageEn()).contains("org_code '" + code + "' is malformed");
    }

    @Test
    void declaredCodeNeedNotBeKnownYet() {
        assertThat(accepted(PATH, with(ROW, "工会代码", "130306-12345678")).values().get("org_code"))
                .isEqualTo("130306-12345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"130399", "1303", "1303061", "抚宁区", "000001"})
    void unknownRegion(String code) {
        Violation v = single(PATH, with(ROW, "行政区划代码", code));
        assertThat(v.code()).isEqualTo("UNKNOWN_REGION");
        assertThat(v.column()).isEqualTo("region_code");
        assertThat(v.messageZh()).isEqualTo("行政区划代码「" + code + "」不是有效的6位行政区划代码");
        assertThat(v.messageEn()).isEqualTo("region_code '" + code + "' is not a valid 6-digit region code");
    }

    @Test
    void unknownParent() {
        Violation v = single(PATH, with(ROW, "上级工会代码", "130306-9999"));
        assertThat(v.code()).isEqualTo("UNKNOWN_ORG");
        assertThat(v.column()).isEqualTo("parent_org_code");
        assertThat(v.messageZh()).startsWith("上级工会代码「130306-9999」不是已知的工会");
    }

    @Test
    void declaringAnOrgOfAnotherCountyIsOutsideTheSubmitter() {
        Violation v = single(PATH, with(ROW, "工会代码", "130322-0005", "上级工会代码", "130322", "行政区划代码", "130322"));
        assertThat(v.code()).isEqualTo("ORG_OUTSIDE_SUBMITTER");
        assertThat(v.column()).isEqualTo("org_code");
        assertThat(v.messageZh()).contains("130322-0005").contains("130306（抚宁区）");
    }

    @Test
    void unknownLevel() {
        Violation v = single(PATH, with(ROW, "层级", "镇"));
        assertThat(v.code()).isEqualTo("BAD_LABEL");
        assertThat(v.column()).isEqualTo("level");
        assertThat(v.messageEn()).contains("province").contains("enterprise");
    }

    @Test
    void missingNameAndBadDateTogether() {
        List<Violation> violations = rejected(PATH, with(ROW, "工会名称", "", "成立日期", "很久以前", "行政区划代码", "999999"));
        assertThat(violations).extracting(Violation::code, Violation::column).containsExactlyInAnyOrder(
                tuple("MISSING_VALUE", "name"), tuple("BAD_DATE", "established_on"), tuple("UNKNOWN_REGION", "region_code"));
    }
}
