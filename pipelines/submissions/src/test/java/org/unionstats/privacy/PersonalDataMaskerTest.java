package org.unionstats.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataMaskerTest {

    @Test
    void idNumberInsideTextKeepsOnlyItsRegionPrefix() {
        assertThat(PersonalDataMasker.maskText("身份证号130306199001011234已核实"))
                .isEqualTo("身份证号130306************已核实");
    }

    @Test
    void idNumberEndingInXEitherCase() {
        assertThat(PersonalDataMasker.maskText("13030619900101123X")).isEqualTo("130306************");
        assertThat(PersonalDataMasker.maskText("13030619900101123x")).isEqualTo("130306************");
    }

    @Test
    void mobileNumberInsideTextKeepsPrefixAndLastFour() {
        assertThat(PersonalDataMasker.maskText("联系手机13812345678请回电")).isEqualTo("联系手机138****5678请回电");
        assertThat(PersonalDataMasker.maskText("19912345678")).isEqualTo("199****5678");
    }

    @Test
    void landlineNumbers() {
        assertThat(PersonalDataMasker.maskText("办公室0335-1234567")).isEqualTo("办公室0335-********");
        assertThat(PersonalDataMasker.maskText("010-12345678")).isEqualTo("010-********");
    }

    @Test
    void severalNumbersInOneText() {
        assertThat(PersonalDataMasker.maskText("张三 130306199001011234 13812345678; 李四 13912345678"))
                .isEqualTo("张三 130306************ 138****5678; 李四 139****5678");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "抚宁区总工会", "12000", "1.7万", "2024-07-05", "20240705", "130306-0042", "91350100M000100Y43",
        "12345678901", // 11 digits but not a mobile number: mobiles start 13-19
        "1234567890123456789", // 19 digits: no ID number inside
        "1303061990010112345", // 19 digits: not an 18-digit ID with digits around
        ""})
    void textWithoutPersonalNumbersIsUnchanged(String text) {
        assertThat(PersonalDataMasker.maskText(text)).isEqualTo(text);
    }

    @Test
    void nullStaysNull() {
        assertThat(PersonalDataMasker.maskText(null)).isNull();
        assertThat(PersonalDataMasker.maskCell("姓名", null, false)).isNull();
        assertThat(PersonalDataMasker.maskCell("姓名", "", false)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "姓名, 张三, 张**",
        "姓名, 欧阳明月, 欧***",
        "会员姓名, 王, 王**",
        "联系电话, 13812345678, 1**********",
        "手机号码, 13812345678, 1**********",
        "户主身份证号, 130306199001011234, 130306************",
        "身份证号码, 13030619900101123X, 130306************",
        "联系人, 李四, 李**",
        "家庭住址, 抚宁区某某街道12号, 抚*********",
        "Phone, 13812345678, 1**********",
        "Member Name, Zhang San, Z********",
        "ID Number, 130306199001011234, 130306************",
    })
    void personalHeadersMaskTheWholeValue(String header, String value, String masked) {
        assertThat(PersonalDataMasker.maskCell(header, value, false)).isEqualTo(masked);
    }

    @Test
    void wholeValueMaskingStripsSurroundingSpaces() {
        assertThat(PersonalDataMasker.maskCell("姓名", "  张三  ", false)).isEqualTo("张**");
    }

    @Test
    void aPersonalColumnIsMaskedWhateverItsHeader() {
        assertThat(PersonalDataMasker.maskCell("备注", "M0001", true)).isEqualTo("M****");
        assertThat(PersonalDataMasker.maskCell("anything", "130306199001011234", true)).isEqualTo("130306************");
    }

    @ParameterizedTest
    @CsvSource({
        "工会名称, 抚宁区总工会",
        "竞赛名称, 抚宁区焊工技能大赛",
        "名称, 抚宁区总工会",
        "组织名称, 抚宁区某某镇工会",
        "name, Funing District Federation",
        "企业名称, 秦皇岛某某有限公司",
        "备注, 已核实",
        "会员编号, M0001",
    })
    void orgNamesAndOtherColumnsAreNotMaskedWhole(String header, String value) {
        assertThat(PersonalDataMasker.maskCell(header, value, false)).isEqualTo(value);
    }

    @Test
    void nonPersonalColumnsStillHaveNumbersInsideMasked() {
        assertThat(PersonalDataMasker.maskCell("备注", "户主手机13812345678", false)).isEqualTo("户主手机138****5678");
        assertThat(PersonalDataMasker.maskCell("工会名称", "130306199001011234", false)).isEqualTo("130306************");
    }

    @ParameterizedTest
    @ValueSource(strings = {"姓名", " 姓 名 ", "联系电话", "户主身份证号", "户主身份证号码", "证件号码", "手机", "住址",
            "联系地址", "member_name", "Mobile", "TEL", "id_number", "ID-Number", "Address"})
    void personalHeaders(String header) {
        assertThat(PersonalDataMasker.isPersonalHeader(header)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"工会名称", "竞赛名称", "名称", "组织名称", "Name", "NAME", "备注", "会员编号", "金额", ""})
    void notPersonalHeaders(String header) {
        assertThat(PersonalDataMasker.isPersonalHeader(header)).isFalse();
    }

    @Test
    void nullHeaderIsNotPersonal() {
        assertThat(PersonalDataMasker.isPersonalHeader(null)).isFalse();
        assertThat(PersonalDataMasker.maskCell(null, "张三", false)).isEqualTo("张三");
    }
}
