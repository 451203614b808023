package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.validation.ValidationFixture.accepted;
import static org.unionstats.validation.ValidationFixture.single;
import static org.unionstats.validation.ValidationFixture.with;
import static org.unionstats.validation.ValidationFixture.without;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 部门意见: the departments of 秦皇岛市总工会 (130300) write to 海港区 (130302) in their 2024Q3 submission, as the city's
 * guidance letters do ("要提高信息工作的重视程度…"), with the quarter by whose end the county reports back.
 */
class OpinionsValidationTest {

    private static final String CITY = "130300/2024Q3/部门意见.csv";

    private static final String[] ROW = {
        "发文单位代码", "130300",
        "部门", "组织部",
        "县区代码", "130302",
        "相关指标", "发展新会员",
        "意见内容", "要加大新就业形态劳动者入会工作力度，年底前完成快递、外卖行业集中入会行动。",
        "办结时限", "2024年第四季度",
    };

    private static final String[] ENGLISH = {
        "issuer_code", "130300",
        "department", "宣传教育部",
        "county_code", "130322",
        "text", "要提高信息工作的重视程度，每季度至少报送两篇工作信息。",
        "due_period", "2024Q3",
    };

    @Test
    void anOpinionOfADepartmentIsTyped() {
        ValidatedRow row = accepted(CITY, ROW);
        assertThat(row.values()).containsOnlyKeys("issuer_code", "department", "county_code", "kpi_id", "text", "due_period");
        assertThat(row.values().get("issuer_code")).isEqualTo("130300");
        assertThat(row.values().get("department")).isEqualTo("组织部");
        assertThat(row.values().get("county_code")).isEqualTo("130302");
        assertThat(row.values().get("kpi_id")).isEqualTo("members_joined");
        assertThat(row.values().get("due_period")).isEqualTo("2024Q4");
    }

    @Test
    void englishHeadersAndNoKpiAndTheSameQuarterAreAccepted() {
        ValidatedRow row = accepted(CITY, ENGLISH);
        assertThat(row.values()).doesNotContainKey("kpi_id");
        assertThat(row.values().get("due_period")).isEqualTo("2024Q3");
        assertThat(row.values().get("text")).isEqualTo("要提高信息工作的重视程度，每季度至少报送两篇工作信息。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"130371", "130372", "130324"})
    void everyCountyLevelUnitOfTheCityMayBeWrittenTo(String county) {
        assertThat(accepted(CITY, with(ROW, "县区代码", county)).values().get("county_code")).isEqualTo(county);
    }

    @Test
    void aCountyOfAnotherCityIsRefusedSayingWhose() {
        Violation v = single(CITY, with(ROW, "县区代码", "621123"));
        assertThat(v.code()).isEqualTo("COUNTY_NOT_OF_CITY");
        assertThat(v.column()).isEqualTo("county_code");
        assertThat(v.messageZh()).isEqualTo("县区「621123」不是发文单位 130300（秦皇岛市）所辖的县级单位：部门意见只写给本市的县区工会");
        assertThat(v.messageEn()).startsWith("'621123' is not a county-level unit of the issuer 130300 (秦皇岛市)");
    }

    @Test
    void theCityItselfOrTheProvinceIsNotACountyOfTheCity() {
        assertThat(single(CITY, with(ROW, "县区代码", "130300")).code()).isEqualTo("COUNTY_NOT_OF_CITY");
        assertThat(single(CITY, with(ROW, "县区代码", "130000")).code()).isEqualTo("COUNTY_NOT_OF_CITY");
    }

    @Test
    void aCityWritesOnlyInItsOwnName() {
        // 唐山 130200 is not in 秦皇岛's area, and its counties are not 秦皇岛's either.
        Violation v = ValidationFixture.rejected(CITY, with(ROW, "发文单位代码", "130200")).get(0);
        assertThat(v.code()).isEqualTo("ORG_OUTSIDE_SUBMITTER");
    }

    @ParameterizedTest
    @CsvSource({
        "2024Q2, 2024Q2",
        "2024年第二季度, 2024Q2",
        "2024, 2024",
        "2024年, 2024",
    })
    void theDuePeriodIsAQuarterNotBeforeTheSubmissions(String written, String canonical) {
        Violation v = single(CITY, with(ROW, "办结时限", written));
        assertThat(v.code()).isEqualTo("BAD_PERIOD");
        assertThat(v.column()).isEqualTo("due_period");
        assertThat(v.messageZh()).isEqualTo("办结时限「" + canonical + "」应为报送期间 2024Q3 或其后的某个季度（如 2024Q3 或 2024Q4）");
        assertThat(v.messageEn()).isEqualTo("due_period '" + canonical + "' must be the submission's quarter 2024Q3 or a later quarter"
                + " (e.g. 2024Q3 or 2024Q4)");
    }

    @Test
    void aLaterYearsQuarterIsAccepted() {
        assertThat(accepted(CITY, with(ROW, "办结时限", "2025Q1")).values().get("due_period")).isEqualTo("2025Q1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "请联系张科长13812345678落实",
        "请联系张科长 138-1234-5678 落实",
        "请联系 +86 138 1234 5678",
        "经办人身份证130302199001011237，请核实",
        "请联系张科长１３８１２３４５６７８落实",
    })
    void anIdOrMobileNumberInTheTextIsRefusedWithoutEchoingIt(String text) {
        Violation v = single(CITY, with(ROW, "意见内容", text));
        assertThat(v.code()).isEqualTo("PERSONAL_DATA_IN_TEXT");
        assertThat(v.column()).isEqualTo("text");
        assertThat(v.messageZh()).isEqualTo("意见内容 中有疑似身份证号码或手机号码：意见和反馈不得含有个人信息，请删除后重新报送（如需联系，请写部门或岗位）");
        assertThat(v.messageEn()).startsWith("text holds what looks like an ID-card or mobile phone number");
        assertThat(v.messageZh() + v.messageEn()).doesNotContain("5678", "1237");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "全年发展新会员1200人，完成率应达到100%",
        "办公电话 0335-3021234（市总组织部）",
        "2024年10月15日前报送",
    })
    void numbersThatAreNotPersonalPass(String text) {
        assertThat(accepted(CITY, with(ROW, "意见内容", text)).values().get("text")).isEqualTo(text);
    }

    @Test
    void theTextIsLimitedTo300Characters() {
        assertThat(accepted(CITY, with(ROW, "意见内容", "要".repeat(300))).values().get("text")).isEqualTo("要".repeat(300));
        Violation v = single(CITY, with(ROW, "意见内容", "要".repeat(301)));
        assertThat(v.code()).isEqualTo("VALUE_TOO_LONG");
        assertThat(v.messageZh()).isEqualTo("意见内容 的内容长度 301 超过上限 300 个字符");
    }

    @Test
    void theDepartmentTheCountyTheTextAndTheDuePeriodAreRequired() {
        for (String header : new String[] {"部门", "县区代码", "意见内容", "办结时限"}) {
            Violation v = single(CITY, with(ROW, header, ""));
            assertThat(v.code()).as(header).isEqualTo("MISSING_VALUE");
        }
        assertThat(accepted(CITY, without(ROW, "相关指标")).values()).doesNotContainKey("kpi_id");
    }

    @Test
    void aKpiThatIsNotInTheCatalogueIsRefused() {
        assertThat(single(CITY, with(ROW, "相关指标", "信息工作")).code()).isEqualTo("UNKNOWN_KPI");
    }
}
