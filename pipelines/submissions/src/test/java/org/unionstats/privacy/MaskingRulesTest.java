package org.unionstats.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link PersonalDataMasker} masks and what it leaves readable, as tables. */
class MaskingRulesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // ID numbers: 18 characters with X, 15 digits, grouped 6-8-4, full-width, broken by invisible characters
        "130306199001011234                 | 130306************",
        "13030619900101123X                 | 130306************",
        "身份证:13030619900101123x。         | 身份证:130306************。",
        "130306 19900101 1234               | 130306************",
        "130306-19900101-1234               | 130306************",
        "１３０３０６１９９００１０１１２３４    | 130306************",
        "130306\u200b199001011234           | 130306************",
        "ID130306199001011234               | ID130306************",
        "老身份证130306900101123             | 老身份证130306*********",
        "110101199003071235                 | 110101************",
        // mobiles in the spellings people use
        "13812345678                        | 138****5678",
        "138-1234-5678                      | 138****5678",
        "138 1234 5678                      | 138****5678",
        "1381234 5678                       | 138****5678",
        "+86 13812345678                    | +86 138****5678",
        "+86 138 1234 5678                  | +86 138****5678",
        "+8613812345678                     | +86 138****5678",
        "(+86)13812345678                   | +86 138****5678",
        "0086 13812345678                   | 0086 138****5678",
        "008613812345678                    | 0086 138****5678",
        "电话：１３８－１２３４－５６７８         | 电话:138****5678",
        "Tel13812345678                     | Tel138****5678",
        // landlines
        "0335-1234567                       | 0335-********",
        "010-12345678                       | 010-********",
        "0335 1234567                       | 0335-********",
        "03351234567                        | 0335-********",
        "(0335)1234567                      | (0335)********",
        "（0335）1234567                     | (0335)********",
        "+86 335 1234567                    | +86 335-********",
        "电话3021234                         | 电话*******",
        "座机: 30212345                      | 座机: ********",
        // bank cards (Luhn-valid)
        "6222021234567890128                | 6222***********0128",
        "6222 0212 3456 7890 128            | 6222***********0128",
        "卡号6217001234567893                | 卡号6217********7893",
        "4111 1111 1111 1111                | 4111********1111",
        // e-mail and messenger handles
        "zhangsan@example.com               | z***@example.com",
        "联系邮箱 li.si+union@mail.qhd.gov.cn | 联系邮箱 l***@mail.qhd.gov.cn",
        "微信:zhangsan_88                   | 微信:z**********",
        "微信号 wxid12345                   | 微信号 w********",
        "QQ:12345678                        | QQ:1*******",
        "WeChat ID: zs2024abc               | WeChat ID: z********",
        // several in one text
        "张三130306199001011234,手机13812345678 | 张三130306************,手机138****5678",
    })
    void masked(String text, String expected) {
        assertThat(PersonalDataMasker.maskText(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "12000", "1.7万", "5000余人", "2.05亿元", "1,234,567", "12,345,678,901", "2024-07-05", "2024/7/5", "20240705",
        "2024年7月5日", "130302", "130306-0042", "130306-00421", "130306-12345678", "91350100M000100Y43",
        "911303021234567891", // an all-digit credit code: registration authority 9 is no province
        "12345678901", "1234567890123456", "1234567890123456789", "1303061990010112345",
        "6222021234567890123", // 19 digits starting 62 but not Luhn-valid
        "13500000000.00", // an amount, not a mobile
        "0.13812345678", "12351", "95588", "400-123-4567", "3021234", "KH-2024-001", "M0001", "JS2024-007",
        "第12351号", "抚宁区总工会", "",
        "123456789012345678", // 18 digits, but no province 12 date 7890-12-34 and a wrong check digit
    })
    void leftReadable(String text) {
        assertThat(PersonalDataMasker.maskText(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"负责人", "联系人", "联系方式", "单位电话", "手机号", "邮箱", "电子邮箱", "微信号", "姓名", "身份证号码",
            "法定代表人", "填报人", "QQ", "银行卡号", "开户账号", "Contact", "contact person", "Person in charge", "E-mail",
            "email", "WeChat", "Phone Number", "telephone", "Full Name", "worker_name", "memberName", "ID card", "Bank Card No"})
    void personalHeaders(String header) {
        assertThat(PersonalDataMasker.isPersonalHeader(header)).as(header).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"工会名称", "单位名称", "企业名称", "name", "org_name", "union name", "competitionName", "Indicator Name",
            "备注", "金额", "参赛人数", "法人单位", "个人", "会员编号", "档案编号", "指标名称", "hotel"})
    void notPersonalHeaders(String header) {
        assertThat(PersonalDataMasker.isPersonalHeader(header)).as(header).isFalse();
    }

    @Test
    void wholeColumnsAreMaskedAfterNormalising() {
        assertThat(PersonalDataMasker.maskCell("负责人", "张三", false)).isEqualTo("张**");
        assertThat(PersonalDataMasker.maskCell("邮箱", "zs@example.com", false)).isEqualTo("z*************");
        assertThat(PersonalDataMasker.maskCell("微信", "ｚｈａｎｇｓａｎ", false)).isEqualTo("z*******");
        assertThat(PersonalDataMasker.maskCell("联系方式", "138-1234-5678", false)).isEqualTo("1************");
    }

    @Test
    void echoMasksThenCuts() {
        assertThat(PersonalDataMasker.echo(null)).isEmpty();
        assertThat(PersonalDataMasker.echo(" 1.7万 ")).isEqualTo("1.7万");
        assertThat(PersonalDataMasker.echo("x".repeat(100))).isEqualTo("x".repeat(100));
        String cut = PersonalDataMasker.echo("x".repeat(101));
        assertThat(cut).isEqualTo("x".repeat(99) + "…").hasSize(100);
        // masked before it is cut: the ID is never shown in part
        String id = PersonalDataMasker.echo("y".repeat(90) + "130306199001011234");
        assertThat(id).startsWith("y".repeat(90) + "130306***").endsWith("…").doesNotContain("1990");
        // surrogate pairs are not split
        String emoji = PersonalDataMasker.echo("😀".repeat(150));
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(100);
        assertThat(emoji).endsWith("😀…");
    }

    @Test
    void echoDropsControlAndDirectionCharacters() {
        assertThat(PersonalDataMasker.echo("abc\u202Edef\u0000\u001B[31m")).isEqualTo("abcdef[31m");
        assertThat(PersonalDataMasker.echo("138\u20661234\u20695678")).isEqualTo("138****5678");
    }

    @Test
    void idNumbersInsideIdentifiers() {
        assertThat(PersonalDataMasker.containsIdNumber("130306199001011234")).isTrue();
        assertThat(PersonalDataMasker.containsIdNumber("KH130306199001011234")).isTrue();
        assertThat(PersonalDataMasker.containsIdNumber("KH-13030619900101123X")).isTrue();
        assertThat(PersonalDataMasker.containsIdNumber("130306900101123")).isTrue();
        assertThat(PersonalDataMasker.containsIdNumber("ＫＨ１３０３０６１９９００１０１１２３４")).isTrue();
        assertThat(PersonalDataMasker.containsIdNumber("KH-2024-001")).isFalse();
        assertThat(PersonalDataMasker.containsIdNumber("13812345678")).isFalse();
        assertThat(PersonalDataMasker.containsIdNumber("JS2024-007")).isFalse();
        assertThat(PersonalDataMasker.containsIdNumber(null)).isFalse();
    }
}
