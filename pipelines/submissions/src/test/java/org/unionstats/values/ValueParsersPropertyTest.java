package org.unionstats.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.unionstats.privacy.PersonalDataMasker;
import org.unionstats.text.TextHazards;

/**
 * Whatever a cell holds, the value parsers answer with a value or with their own refusal
 * ({@link ValueFormatException} and its kinds: {@link OutOfRangeException}, {@link UnitMismatchException},
 * {@link BadQualifierException}), never with anything else; their messages are short and masked. The strings
 * are built from the parts real values are made of (digits, Chinese numerals, magnitudes, qualifier words,
 * units, separators, exponents) and from arbitrary Unicode.
 */
class ValueParsersPropertyTest {

    private static final List<Unit> UNITS = List.of(
            Unit.of("persons", "人", List.of("名")), Unit.of("CNY", "元", List.of("人民币")), Unit.of("items", "项"));

    private static final List<String> PARTS = List.of(
            "0", "1", "2", "5", "9", "00", "123", "999", ".", ",", "-", "+", "e", "E", "e+", "e-", "999", "1e999",
            "万", "亿", "千", "百", "十", "万亿", "千万", "一", "两", "三", "十", "零", "〇", "九",
            "余", "多", "以上", "左右", "近", "约", "超", "超过", "突破", "逾", "上", "达", "累计", "不足", "以下",
            "人", "名", "人次", "元", "万元", "个", "项", "家", "户", "%", "/", "元/人", "只",
            " ", "\u3000", "\u00A0", "\u200B", "\u202E", "\u0000", "\t", "\n", "１", "５", "，", "．", "－", "¥", "￥",
            "NaN", "Infinity", "∞", "至", "~", "😀", "\uD800", "x", "年", "月", "日", "/", ":", "T", "Z",
            "130306199001011234", "13812345678");

    @Provide
    Arbitrary<String> numberish() {
        Arbitrary<String> composed = Arbitraries.of(PARTS).list().ofMinSize(0).ofMaxSize(12).map(l -> String.join("", l));
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> longDigits = Arbitraries.strings().numeric().ofMinLength(15).ofMaxLength(3000);
        Arbitrary<String> exponents = Combinators.combine(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40),
                Arbitraries.of("e", "E", "e+", "e-", "E-"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("", "万", "亿", "万亿", "人", "元", "余"))
                .as((a, e, b, tail) -> a + e + b + tail);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, composed),
                net.jqwik.api.Tuple.of(3, anyText),
                net.jqwik.api.Tuple.of(1, longDigits),
                net.jqwik.api.Tuple.of(2, exponents));
    }

    @Property(tries = 2000)
    void numberParserThrowsOnlyItsOwnRefusals(@ForAll("numberish") String text, @ForAll @IntRange(min = 1, max = 40) int maxDigits,
            @ForAll @IntRange(min = 0, max = 3) int unitIndex) {
        Unit unit = unitIndex == UNITS.size() ? null : UNITS.get(unitIndex);
        try {
            QualifiedNumber n = ChineseNumberParser.parse(text, unit, maxDigits);
            assertThat(n.value().precision() - n.value().scale()).isLessThanOrEqualTo(ChineseNumberParser.MAX_INTEGER_DIGITS);
            assertThat(n.value().scale()).isBetween(0, maxDigits);
        } catch (ValueFormatException e) {
            refusalIsShortAndClean(e);
        }
    }

    @Property(tries = 1000)
    void readAndBareAgreeWithParse(@ForAll("numberish") String text) {
        QualifiedNumber viaParse = null;
        try {
            viaParse = ChineseNumberParser.parse(text);
        } catch (ValueFormatException e) {
            refusalIsShortAndClean(e);
        }
        try {
            WrittenNumber w = ChineseNumberParser.read(text, ChineseNumberParser.DEFAULT_MAX_DIGITS);
            if (viaParse != null) {
                assertThat(w.hasUnit()).isFalse();
                assertThat(w.value()).isEqualByComparingTo(viaParse.value());
            }
        } catch (ValueFormatException e) {
            assertThat(viaParse).isNull();
        }
    }

    @Property(tries = 1000)
    void dateParserThrowsOnlyItsOwnRefusals(@ForAll("dateish") String text) {
        try {
            assertThat(DateParser.parse(text)).isNotNull();
        } catch (ValueFormatException e) {
            refusalIsShortAndClean(e);
        }
    }

    @Provide
    Arbitrary<String> dateish() {
        Arbitrary<String> composed = Arbitraries.of(List.of("2024", "0000", "9999", "-", "/", ".", "年", "月", "日", "号", "1", "12",
                "31", "29", "02", "00", "13", "45112", "99999", "T", " ", "00:00", ":", "+08:00", "Z", "１", "\u202E", "e5"))
                .list().ofMaxSize(10).map(l -> String.join("", l));
        return Arbitraries.oneOf(composed, Arbitraries.strings().all().ofMaxLength(30), Arbitraries.strings().numeric().ofMaxLength(2000));
    }

    @Property(tries = 1000)
    void qualifierLabelsAndCodesNeverThrowAnythingElse(@ForAll("numberish") String text) {
        assertThat(Qualifier.fromLabel(text)).isNotNull();
        try {
            Qualifier.fromCode(text);
        } catch (ValueFormatException e) {
            refusalIsShortAndClean(e);
        }
    }

    @Property(tries = 1000)
    void maskingNeverThrowsAndEchoIsShortAndClean(@ForAll("numberish") String text) {
        String masked = PersonalDataMasker.maskText(text);
        assertThat(masked).isNotNull();
        assertThat(TextHazards.hasAny(masked)).isFalse();
        assertThat(PersonalDataMasker.maskText(masked)).as("masking is idempotent").isEqualTo(masked);
        String echo = PersonalDataMasker.echo(text);
        assertThat(echo.codePointCount(0, echo.length())).isLessThanOrEqualTo(PersonalDataMasker.ECHO_LIMIT);
        assertThat(TextHazards.hasAny(echo)).isFalse();
        assertThat(PersonalDataMasker.maskCell("姓名", text, false)).isNotNull();
    }

    /** Text around a personal number that holds no digit of its own (nor anything NFKC turns into one). */
    @Provide
    Arbitrary<String> context() {
        return Arbitraries.strings().withChars("张三李四备注电话身份证手机号码联系：:,，。;、 -_()（）abcxyzXYZ@#\u202E\u200B\u0000\t\n")
                .ofMaxLength(12);
    }

    @Property(tries = 1000)
    void personalNumbersAreMaskedWhateverSurroundsThem(@ForAll("context") String before, @ForAll("context") String after,
            @ForAll @IntRange(min = 0, max = 5) int which) {
        String[] numbers = {"130306199001011234", "13030619900101123X", "13812345678", "138-1234-5678", "6222021234567890128",
            "１３８ １２３４ ５６７８"};
        String[] hidden = {"199001011234", "19900101123", "1234567", "1234-5", "02123456789", "1234"};
        String masked = PersonalDataMasker.maskText(before + numbers[which] + after);
        assertThat(masked).doesNotContain(hidden[which]);
        String echo = PersonalDataMasker.echo(before + numbers[which] + after);
        assertThat(echo).doesNotContain(hidden[which]);
    }

    /** A refusal names the value only masked and cut, and holds no hidden characters. */
    private static void refusalIsShortAndClean(ValueFormatException e) {
        assertThat(e.messageZh().length()).isLessThan(400);
        assertThat(e.messageEn().length()).isLessThan(400);
        assertThat(TextHazards.hasAny(e.messageZh())).isFalse();
        assertThat(TextHazards.hasAny(e.messageEn())).isFalse();
    }

    @Property(tries = 500)
    void wholeNumbersRoundTripOrAreOutOfRange(@ForAll long value) {
        String digits = Long.toString(value).replace("-", "");
        if (digits.length() <= ChineseNumberParser.MAX_INTEGER_DIGITS) {
            assertThat(ChineseNumberParser.parse(Long.toString(value)).value()).isEqualByComparingTo(BigDecimal.valueOf(value));
        } else {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChineseNumberParser.parse(Long.toString(value)))
                    .isInstanceOf(OutOfRangeException.class);
        }
    }
}
