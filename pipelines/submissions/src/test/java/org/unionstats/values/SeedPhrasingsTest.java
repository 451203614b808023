package org.unionstats.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values written the way the seed pages (newspaper reports on real union work, {@code shared/seeds/*.txt} and
 * {@code shared/reference/seed_facts.csv}) write them, read in the unit of the column or indicator they would
 * be reported under. Each row is a phrasing found on those pages (the figure only, as a clerk would copy it
 * into a cell).
 */
class SeedPhrasingsTest {

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("persons", Unit.of("persons", "人", java.util.List.of("名", "人数"))),
            Map.entry("person_times", Unit.of("person_times", "人次")),
            Map.entry("CNY", Unit.of("CNY", "元", java.util.List.of("人民币", "yuan", "RMB"))),
            Map.entry("items", Unit.of("items", "项", java.util.List.of("个", "件"))),
            Map.entry("stations", Unit.of("stations", "个", java.util.List.of("处", "站", "座", "个站点"))),
            Map.entry("enterprises", Unit.of("enterprises", "家")),
            Map.entry("households", Unit.of("households", "户")),
            Map.entry("jobs", Unit.of("jobs", "个", java.util.List.of("岗", "个岗位"))),
            Map.entry("events", Unit.of("events", "场", java.util.List.of("次", "场次"))),
            Map.entry("cases", Unit.of("cases", "件", java.util.List.of("起", "宗", "个"))),
            Map.entry("union_orgs", Unit.of("union_orgs", "个")));

    @ParameterizedTest(name = "{0} in {3} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        // people: 人, 名, 位, with 余/多/近/左右/超过, 万, bare magnitudes, Chinese numerals
        "累计6689人          | 6689       | EXACT  | persons",
        "3名                 | 3          | EXACT  | persons",
        "3000名              | 3000       | EXACT  | persons",
        "80余名              | 80         | OVER   | persons",
        "1.8万余名           | 18000      | OVER   | persons",
        "200余人             | 200        | OVER   | persons",
        "5000余名            | 5000       | OVER   | persons",
        "2.5万余名           | 25000      | OVER   | persons",
        "10576人             | 10576      | EXACT  | persons",
        "114万余人           | 1140000    | OVER   | persons",
        "32万余人            | 320000     | OVER   | persons",
        "226名               | 226        | EXACT  | persons",
        "1.7万人             | 17000      | EXACT  | persons",
        "30余名              | 30         | OVER   | persons",
        "4700多名            | 4700       | OVER   | persons",
        "近50万名            | 500000     | NEARLY | persons",
        "300多名             | 300        | OVER   | persons",
        "千余名              | 1000       | OVER   | persons",
        "8位                 | 8          | EXACT  | persons",
        "1500人左右          | 1500       | NEARLY | persons",
        "近百人              | 100        | NEARLY | persons",
        "超过百万人          | 1000000    | OVER   | persons",
        "8497人              | 8497       | EXACT  | persons",
        "600余人             | 600        | OVER   | persons",
        "两人                | 2          | EXACT  | persons",
        "一名                | 1          | EXACT  | persons",
        // person-times
        "51.2万人次          | 512000     | EXACT  | person_times",
        "达到51.2万人次      | 512000     | EXACT  | person_times",
        "52554人次           | 52554      | EXACT  | person_times",
        "近90万人次          | 900000     | NEARLY | person_times",
        "915人次             | 915        | EXACT  | person_times",
        "达2.7万人次         | 27000      | EXACT  | person_times",
        // money: 元, 万元, 亿元, 多/余 between the magnitude and the unit, 以上 after the unit
        "5万元               | 50000      | EXACT  | CNY",
        "10万元              | 100000     | EXACT  | CNY",
        "1亿多元             | 100000000  | OVER   | CNY",
        "达1亿多元           | 100000000  | OVER   | CNY",
        "近3000万元          | 30000000   | NEARLY | CNY",
        "1万元以上           | 10000      | OVER   | CNY",
        "5000多元            | 5000       | OVER   | CNY",
        "40万元              | 400000     | EXACT  | CNY",
        "2000万元            | 20000000   | EXACT  | CNY",
        "5.5亿元             | 550000000  | EXACT  | CNY",
        "26.8亿元            | 2680000000 | EXACT  | CNY",
        "2.05亿元            | 205000000  | EXACT  | CNY",
        "近300万元           | 3000000    | NEARLY | CNY",
        "80多万元            | 800000     | OVER   | CNY",
        "224万元             | 2240000    | EXACT  | CNY",
        "上千万元            | 10000000   | OVER   | CNY",
        "8000余万元          | 80000000   | OVER   | CNY",
        "达8000余万元        | 80000000   | OVER   | CNY",
        "3.2亿元             | 320000000  | EXACT  | CNY",
        "突破1.2亿元         | 120000000  | OVER   | CNY",
        "达100万元           | 1000000    | EXACT  | CNY",
        "2000元              | 2000       | EXACT  | CNY",
        "1万多元             | 10000      | OVER   | CNY",
        // items: 项, 个, 条, 种
        "52条                | 52         | EXACT  | items",
        "87个                | 87         | EXACT  | items",
        "9项                 | 9          | EXACT  | items",
        "4.6万余项           | 46000      | OVER   | items",
        "39.5万余项          | 395000     | OVER   | items",
        "34.4万余项          | 344000     | OVER   | items",
        "1285项              | 1285       | EXACT  | items",
        "超800个             | 800        | OVER   | items",
        "70多个              | 70         | OVER   | items",
        "20多种              | 20         | OVER   | items",
        "3种                 | 3          | EXACT  | items",
        "五项                | 5          | EXACT  | items",
        // stations, enterprises, households, jobs, events, cases, union organisations
        "152个               | 152        | EXACT  | stations",
        "679家               | 679        | EXACT  | stations",
        "2355家              | 2355       | EXACT  | enterprises",
        "达到14855家         | 14855      | EXACT  | enterprises",
        "227户               | 227        | EXACT  | enterprises",
        "80余家              | 80         | OVER   | enterprises",
        "2700多户            | 2700       | OVER   | households",
        "4360户              | 4360       | EXACT  | households",
        "8.9万个             | 89000      | EXACT  | jobs",
        "2800多个            | 2800       | OVER   | jobs",
        "528个               | 528        | EXACT  | jobs",
        "17场                | 17         | EXACT  | events",
        "103场               | 103        | EXACT  | events",
        "十一次              | 11         | EXACT  | events",
        "270件次             | 270        | EXACT  | cases",
        "共14个              | 14         | EXACT  | union_orgs",
        "103个               | 103        | EXACT  | union_orgs",
    })
    void readsTheSeedsPhrasings(String text, String expected, Qualifier qualifier, String unit) {
        QualifiedNumber n = ChineseNumberParser.parse(text, UNITS.get(unit));

        assertThat(n.value()).isEqualByComparingTo(expected);
        assertThat(n.value().toPlainString()).isEqualTo(expected);
        assertThat(n.qualifier()).isEqualTo(qualifier);
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', value = {
        // where the qualifier goes: before the number, after the digits, after the magnitude, after the unit
        "近5000人      | 5000  | NEARLY",
        "约5000人      | 5000  | NEARLY",
        "将近5000人    | 5000  | NEARLY",
        "接近5000人    | 5000  | NEARLY",
        "大约5000人    | 5000  | NEARLY",
        "超5000人      | 5000  | OVER",
        "超过5000人    | 5000  | OVER",
        "突破5000人    | 5000  | OVER",
        "逾5000人      | 5000  | OVER",
        "5000余人      | 5000  | OVER",
        "5000多人      | 5000  | OVER",
        "5000人以上    | 5000  | OVER",
        "5000以上      | 5000  | OVER",
        "5000人左右    | 5000  | NEARLY",
        "5000左右人    | 5000  | NEARLY",
        "5000人上下    | 5000  | NEARLY",
        "0.5万余人     | 5000  | OVER",
        "约5000人左右  | 5000  | NEARLY",
        "超过5000余人  | 5000  | OVER",
        "5000 人       | 5000  | EXACT",
        "５０００余名  | 5000  | OVER",
        "5,000人       | 5000  | EXACT",
        "5000persons   | 5000  | EXACT",
        "5000 Persons  | 5000  | EXACT",
    })
    void qualifierWordsWhereverTheSeedsPutThem(String text, String expected, Qualifier qualifier) {
        QualifiedNumber n = ChineseNumberParser.parse(text, UNITS.get("persons"));
        assertThat(n.value()).isEqualByComparingTo(expected);
        assertThat(n.qualifier()).isEqualTo(qualifier);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "十, 10", "十一, 11", "二十, 20", "二十五, 25", "一百, 100", "一百零五, 105", "一百五, 150", "一百五十, 150",
        "两千, 2000", "三千零五, 3005", "一千二百三十四, 1234", "三万五, 35000", "三万五千, 35000", "十万, 100000",
        "一亿二千万, 120000000", "零, 0", "两万, 20000",
    })
    void chineseNumerals(String text, long expected) {
        assertThat(ChineseNumberParser.parse(text).value()).isEqualByComparingTo(BigDecimal.valueOf(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"一九九零", "二零二四", "百千", "十十", "万万", "亿万", "五零"})
    void digitByDigitAndMalformedNumeralsAreRefused(String text) {
        assertThatThrownBy(() -> ChineseNumberParser.parse(text))
                .isExactlyInstanceOf(ValueFormatException.class)
                .hasMessageStartingWith("cannot read the number");
    }

    @Test
    void yuanSignReadsAsYuan() {
        assertThat(ChineseNumberParser.parse("¥5000", UNITS.get("CNY")).value()).isEqualByComparingTo("5000");
        assertThat(ChineseNumberParser.parse("￥1.2万", UNITS.get("CNY")).value()).isEqualByComparingTo("12000");
        assertThat(ChineseNumberParser.parse("¥5000元", UNITS.get("CNY")).value()).isEqualByComparingTo("5000");
        assertThatThrownBy(() -> ChineseNumberParser.parse("¥5000", UNITS.get("persons")))
                .isInstanceOf(UnitMismatchException.class);
        assertThatThrownBy(() -> ChineseNumberParser.parse("¥5000人", UNITS.get("CNY")))
                .isExactlyInstanceOf(ValueFormatException.class);
    }

    @Test
    void writtenNumberKeepsItsUnitAndMagnitude() {
        WrittenNumber w = ChineseNumberParser.read("近90万人次", 30);
        assertThat(w.value()).isEqualByComparingTo("900000");
        assertThat(w.qualifier()).isEqualTo(Qualifier.NEARLY);
        assertThat(w.unit()).isEqualTo("人次");
        assertThat(w.magnitude()).isEqualTo("万");
        assertThat(w.scaled()).isTrue();
        assertThat(w.writtenUnit()).isEqualTo("万人次");
        WrittenNumber bare = ChineseNumberParser.read("1500", 30);
        assertThat(bare.hasUnit()).isFalse();
        assertThat(bare.scaled()).isFalse();
        assertThat(ChineseNumberParser.read("两万人", 30).scaled()).isTrue();
        assertThat(ChineseNumberParser.read("两千人", 30).scaled()).isFalse();
    }

    // ---- refusals ----

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "3万元       | persons      | 万元",
        "5000元      | persons      | 元",
        "5000人      | CNY          | 人",
        "300人次     | persons      | 人次",
        "300人       | person_times | 人",
        "90%         | persons      | %",
        "2000元/人   | CNY          | 元/人",
        "5万只       | persons      | 万只",
        "500亩       | items        | 亩",
        "12个        | persons      | 个",
        "3000箱      | items        | 箱",
        "1万美元     | CNY          | 万美元",
    })
    void aUnitOfSomethingElseIsAMismatch(String text, String unit, String written) {
        assertThatThrownBy(() -> ChineseNumberParser.parse(text, UNITS.get(unit)))
                .isInstanceOf(UnitMismatchException.class)
                .satisfies(e -> {
                    UnitMismatchException u = (UnitMismatchException) e;
                    assertThat(u.written()).isEqualTo(written);
                    assertThat(u.expected()).isEqualTo(UNITS.get(unit));
                    assertThat(u.messageZh()).contains("「" + written + "」").contains("「" + UNITS.get(unit).zh() + "」");
                    assertThat(u.messageEn()).contains("'" + written + "'").contains(UNITS.get(unit).code());
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "5000abc", "5000人abc", "5000 余 人 余", "5000余人以上", "万人", "万", "百人", "上1000人", "5000个人们", "约", "1 234人",
        "1.2.3万元", "一九九零年", "NaN", "Infinity", "-Infinity", "∞", "1e9999", "0x1F", "5千万千元"
    })
    void unreadableTextIsABadNumberNotAMismatch(String text) {
        assertThatThrownBy(() -> ChineseNumberParser.parse(text, UNITS.get("persons")))
                .isExactlyInstanceOf(ValueFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"近5000余人", "约5000多名", "超过5000人左右", "近5000人以上"})
    void contradictoryQualifiersAreBadQualifiers(String text) {
        assertThatThrownBy(() -> ChineseNumberParser.parse(text, UNITS.get("persons")))
                .isInstanceOf(BadQualifierException.class)
                .hasMessageContaining("both 'over' and 'nearly'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"不足100人", "不到100人", "少于100人", "低于100人", "未满100人", "100人以下", "100以内", "不超过100人"})
    void lessThanCannotBeKept(String text) {
        assertThatThrownBy(() -> ChineseNumberParser.parse(text, UNITS.get("persons")))
                .isInstanceOf(BadQualifierException.class)
                .hasMessageContaining("less than")
                .satisfies(e -> assertThat(((ValueFormatException) e).messageZh()).contains("不足/以下"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000元至5000元", "1000至5000", "3~5万元", "3到5万元", "1000元～5000元"})
    void rangesAreRefusedAsRanges(String text) {
        assertThatThrownBy(() -> ChineseNumberParser.parse(text, UNITS.get("CNY")))
                .isExactlyInstanceOf(ValueFormatException.class)
                .hasMessageContaining("is a range");
    }

    @Test
    void aBareNumberTakesNoUnit() {
        // Without a unit to compare with (a year, parse(String)), any trailing word is unreadable.
        assertThatThrownBy(() -> ChineseNumberParser.parse("1990年", null, 30)).isExactlyInstanceOf(ValueFormatException.class);
        assertThatThrownBy(() -> ChineseNumberParser.parse("5000余人")).isExactlyInstanceOf(ValueFormatException.class);
        assertThat(ChineseNumberParser.parse("5000余", null, 30).value()).isEqualByComparingTo("5000");
    }

    @Test
    void digitLimitIsAParameter() {
        assertThat(ChineseNumberParser.parse("123456", null, 6).value()).isEqualByComparingTo("123456");
        assertThatThrownBy(() -> ChineseNumberParser.parse("1234567", null, 6))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessageContaining("7 digits, over the limit of 6");
        assertThatThrownBy(() -> ChineseNumberParser.parse("1,234,567", null, 6)).isInstanceOf(OutOfRangeException.class);
        // the default: 30 digits
        String thirty = "0." + "1".repeat(29);
        assertThat(ChineseNumberParser.parse(thirty).value()).isEqualByComparingTo(thirty);
        assertThatThrownBy(() -> ChineseNumberParser.parse("0." + "1".repeat(30))).isInstanceOf(OutOfRangeException.class);
    }

    @Test
    void hugeAndTinyNumbersAreOutOfRange() {
        assertThatThrownBy(() -> ChineseNumberParser.parse("1".repeat(5000))).isInstanceOf(OutOfRangeException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
        assertThatThrownBy(() -> ChineseNumberParser.parse("1e999")).isInstanceOf(OutOfRangeException.class);
        assertThatThrownBy(() -> ChineseNumberParser.parse("1e-999")).isInstanceOf(OutOfRangeException.class);
        assertThatThrownBy(() -> ChineseNumberParser.parse("1" + "0".repeat(18))).isInstanceOf(OutOfRangeException.class);
        assertThat(ChineseNumberParser.parse("9".repeat(18)).value()).isEqualByComparingTo("9".repeat(18));
        assertThatThrownBy(() -> ChineseNumberParser.parse("9999999万亿")).isInstanceOf(OutOfRangeException.class);
    }

    @Test
    void messagesMaskWhatTheyQuote() {
        assertThatThrownBy(() -> ChineseNumberParser.parse("13812345678人民"))
                .satisfies(e -> assertThat(e.getMessage()).contains("138****5678").doesNotContain("13812345678"));
        assertThatThrownBy(() -> DateParser.parse("130306199001011234"))
                .satisfies(e -> assertThat(e.getMessage()).contains("130306************").doesNotContain("199001011234"));
        assertThatThrownBy(() -> ChineseNumberParser.parse("x".repeat(500)))
                .satisfies(e -> assertThat(((ValueFormatException) e).messageZh()).contains("x".repeat(99) + "…")
                        .doesNotContain("x".repeat(100)));
    }
}
