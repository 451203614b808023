package org.unionstats.values;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionstats.privacy.PersonalDataMasker;
import org.unionstats.text.TextNormalizer;

/**
 * Reads counts and amounts written the way Chinese reports write them: {@code 1.7万}, {@code 2.05亿元},
 * {@code 5000余名}, {@code 近90万人次}, {@code 1500人左右}, {@code 突破1.2亿元}, {@code 千余名}, {@code 五项},
 * {@code 1,234}, full-width digits, and what Excel makes of numbers ({@code 17000.0}, {@code 1.7E4}).
 *
 * <p>The shape is {@code [qualifier] number [qualifier] [万/亿 ...] [qualifier] [unit] [qualifier]}, with at
 * most one qualifier after the number:
 * <ul>
 *   <li>before: 近/将近/接近/约/大约 (nearly), 超/超过/突破/逾 (over), 上 before a bare magnitude
 *       ({@code 上千万元}: over), 达/达到/共/共计/累计/合计/总计 (exact: they only introduce the figure);
 *   <li>after the digits, the magnitude or the unit: 余/多/有余/以上 (over), 左右/上下 (nearly);
 *   <li>"under" (不足, 不到, 少于, 以下 ...) cannot be kept and is refused ({@link BadQualifierException}), as
 *       are contradictions ({@code 近5000余}).
 * </ul>
 * The unit word is returned as written ({@link #read}); {@link #parse(String, Unit, int)} checks it against
 * the unit expected ({@link UnitMismatchException} when it names another). Magnitudes without digits
 * ({@code 百}, {@code 千万}) need a qualifier: {@code 近百人} and {@code 千余名} are figures, {@code 万} alone is
 * not.
 *
 * <p>Every refusal is a {@link ValueFormatException} (or one of its kinds), whatever the text: the limits
 * ({@value #DEFAULT_MAX_DIGITS} digits by default, at most {@value #MAX_INTEGER_DIGITS} digits before the
 * point, exponents of three digits) keep huge or absurd numbers from costing time or overflowing, and the
 * messages quote the text only through {@link PersonalDataMasker#echo}.
 */
public final class ChineseNumberParser {

    /** The most digits a number may be written with unless the caller says otherwise. */
    public static final int DEFAULT_MAX_DIGITS = 30;

    /** Beyond this many integer digits a figure is a typing accident, not a statistic. */
    public static final int MAX_INTEGER_DIGITS = 18;

    private static final String EXAMPLES_ZH = "应为如 17000、1.7万、5000余 的写法";
    private static final String EXAMPLES_EN = "write it like 17000, 1.7万 or 5000余";

    /** Qualifier words before the number; EXACT ones only introduce the figure (达, 共, 累计). */
    private static final Map<String, Qualifier> PREFIXES = mapOf(
            "超过", Qualifier.OVER, "突破", Qualifier.OVER, "超", Qualifier.OVER, "逾", Qualifier.OVER,
            "上", Qualifier.OVER,
            "将近", Qualifier.NEARLY, "接近", Qualifier.NEARLY, "大约", Qualifier.NEARLY, "约为", Qualifier.NEARLY,
            "近", Qualifier.NEARLY, "约", Qualifier.NEARLY,
            "达到", Qualifier.EXACT, "达", Qualifier.EXACT, "共计", Qualifier.EXACT, "共", Qualifier.EXACT,
            "累计", Qualifier.EXACT, "合计", Qualifier.EXACT, "总计", Qualifier.EXACT);

    /** Qualifier words after the digits, the magnitude or the unit ({@code 3000余万}, {@code 1500人左右}). */
    private static final Map<String, Qualifier> SUFFIXES = mapOf(
            "以上", Qualifier.OVER, "有余", Qualifier.OVER, "余", Qualifier.OVER, "多", Qualifier.OVER,
            "左右", Qualifier.NEARLY, "上下", Qualifier.NEARLY);

    private static final List<String> SUFFIX_WORDS = sortedLongestFirst(SUFFIXES);

    /** Words that say "less than": no qualifier of the warehouse can keep them. */
    private static final List<String> UNDER_BEFORE = List.of("不足", "不到", "未满", "少于", "低于", "不超过", "最多");
    private static final List<String> UNDER_AFTER = List.of("以下", "以内", "之内");

    private static final Map<String, BigDecimal> MULTIPLIERS = mapOf(
            "万亿", new BigDecimal("1000000000000"),
            "千亿", new BigDecimal("100000000000"),
            "百亿", new BigDecimal("10000000000"),
            "十亿", new BigDecimal("1000000000"),
            "千万", new BigDecimal("10000000"),
            "百万", new BigDecimal("1000000"),
            "十万", new BigDecimal("100000"),
            "亿", new BigDecimal("100000000"),
            "万", new BigDecimal("10000"),
            "千", new BigDecimal("1000"),
            "百", new BigDecimal("100"),
            "十", BigDecimal.TEN);

    /** Thousands separators must group by three, so {@code 12,34} is refused rather than guessed. */
    private static final String NUMBER =
            "[+-]?(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,3})?";

    private static final Pattern SHAPE = Pattern.compile(
            "(?<currency>¥)?\\s*"
                    + "(?<prefix>" + alternatives(PREFIXES) + ")?\\s*"
                    + "(?<currency2>¥)?\\s*"
                    + "(?:(?<number>" + NUMBER + ")|(?<chinese>[" + ChineseNumerals.CHARACTERS + "]+))\\s*"
                    + "(?<inner>" + alternatives(SUFFIXES) + ")?\\s*"
                    + "(?<multiplier>" + alternatives(MULTIPLIERS) + ")?\\s*"
                    + "(?<outer>" + alternatives(SUFFIXES) + ")?\\s*"
                    + "(?<rest>.*?)", Pattern.DOTALL);

    /** 1000至5000, 3~5万: a range is not one figure. */
    private static final Pattern RANGE = Pattern.compile(".*\\d\\s*\\S{0,3}\\s*(?:至|到|~|～|〜)\\s*\\d.*", Pattern.DOTALL);

    private ChineseNumberParser() {}

    /** Reads a bare number: a unit after it makes it unreadable (see {@link #parse(String, Unit, int)}). */
    public static QualifiedNumber parse(String text) {
        return read(text, DEFAULT_MAX_DIGITS).bare();
    }

    /** Reads a number that may carry {@code expected}'s unit ({@code 5000余名} for persons). */
    public static QualifiedNumber parse(String text, Unit expected) {
        return parse(text, expected, DEFAULT_MAX_DIGITS);
    }

    /**
     * Reads a number that may carry {@code expected}'s unit; a null {@code expected} allows no unit.
     *
     * @param maxDigits the most digits the number may be written with
     * @throws UnitMismatchException when the unit written names something else ({@code 3万元} for persons)
     * @throws ValueFormatException when the text is no number this parser reads, or is out of its limits
     */
    public static QualifiedNumber parse(String text, Unit expected, int maxDigits) {
        return read(text, maxDigits).in(expected);
    }

    /**
     * Reads a number with whatever unit word follows it, for a caller that checks the unit itself (the
     * indicator's unit is known only once the row's indicator is).
     */
    public static WrittenNumber read(String text, int maxDigits) {
        String s = TextNormalizer.normalize(text);
        if (s == null || s.isEmpty()) {
            throw new ValueFormatException("数值为空，" + EXAMPLES_ZH, "the number is empty; " + EXAMPLES_EN);
        }
        // NFKC leaves the typographic minus and the traditional magnitudes alone; some clerks write them.
        s = s.replace('\u2212', '-').replace('萬', '万').replace('億', '亿').replace('兩', '两');
        refuseUnder(text, s);
        Matcher m = SHAPE.matcher(s);
        if (!m.matches()) {
            throw unreadable(text);
        }
        String rest = m.group("rest").strip();
        String post = null;
        for (String word : SUFFIX_WORDS) {
            if (rest.endsWith(word)) {
                post = word;
                rest = rest.substring(0, rest.length() - word.length()).strip();
                break;
            }
        }
        int suffixes = (m.group("inner") != null ? 1 : 0) + (m.group("outer") != null ? 1 : 0) + (post != null ? 1 : 0);
        if (suffixes > 1 || containsDigit(rest)) {
            if (RANGE.matcher(s).matches()) {
                throw new ValueFormatException(
                        "「" + PersonalDataMasker.echo(text) + "」是一个范围，请只填写一个数（可加“约”“余”等说明）",
                        "'" + PersonalDataMasker.echo(text) + "' is a range; write one number (with 约 or 余 if it is not exact)");
            }
            throw unreadable(text);
        }
        String unit = rest.isEmpty() ? null : rest;
        if (m.group("currency") != null || m.group("currency2") != null) {
            if (unit != null && !Unit.key(unit).equals("元")) {
                throw unreadable(text);
            }
            unit = "元";
        }
        String suffix = m.group("inner") != null ? m.group("inner") : m.group("outer") != null ? m.group("outer") : post;
        Qualifier before = m.group("prefix") == null ? null : PREFIXES.get(m.group("prefix"));
        Qualifier after = suffix == null ? null : SUFFIXES.get(suffix);

        BigDecimal value;
        String magnitude = m.group("multiplier");
        if (m.group("number") != null) {
            if ("上".equals(m.group("prefix"))) {
                throw unreadable(text); // 上 qualifies only a bare magnitude: 上千, 上万
            }
            value = arabic(text, m.group("number"), maxDigits);
        } else {
            String numeral = m.group("chinese");
            long parsed = ChineseNumerals.parse(numeral);
            boolean bare = ChineseNumerals.startsBare(numeral);
            boolean qualified = before != null && before != Qualifier.EXACT || after != null;
            if (parsed < 0 || bare && !qualified || "上".equals(m.group("prefix")) && !bare) {
                throw unreadable(text);
            }
            value = BigDecimal.valueOf(parsed);
            if (ChineseNumerals.scaled(numeral)) {
                String word = numeral.indexOf('亿') >= 0 ? "亿" : "万";
                magnitude = magnitude == null ? word : word + magnitude;
            }
        }
        if (m.group("multiplier") != null) {
            value = value.multiply(MULTIPLIERS.get(m.group("multiplier")));
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new OutOfRangeException(
                    "数值「" + PersonalDataMasker.echo(text) + "」过大，请检查是否多写了数字或单位",
                    "the number '" + PersonalDataMasker.echo(text) + "' is too large; check for extra digits or a wrong unit");
        }
        if (value.scale() > maxDigits) {
            throw new OutOfRangeException(
                    "数值「" + PersonalDataMasker.echo(text) + "」的小数位过多（超过 " + maxDigits + " 位）",
                    "the number '" + PersonalDataMasker.echo(text) + "' has too many decimal places (more than " + maxDigits + ")");
        }
        return new WrittenNumber(text.strip(), value, qualifier(text, before, after), unit, magnitude);
    }

    /** The digits as a number, refused when written with more than {@code maxDigits} digits. */
    private static BigDecimal arabic(String text, String number, int maxDigits) {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        String mantissa = e < 0 ? number : number.substring(0, e);
        long digits = mantissa.chars().filter(c -> c >= '0' && c <= '9').count();
        if (digits > maxDigits) {
            throw new OutOfRangeException(
                    "数值「" + PersonalDataMasker.echo(text) + "」有 " + digits + " 位数字，超过上限 " + maxDigits + " 位",
                    "the number '" + PersonalDataMasker.echo(text) + "' has " + digits + " digits, over the limit of " + maxDigits);
        }
        return new BigDecimal(number.replace(",", ""));
    }

    private static void refuseUnder(String text, String s) {
        boolean under = UNDER_BEFORE.stream().anyMatch(s::startsWith) || UNDER_AFTER.stream().anyMatch(s::endsWith);
        if (under && containsDigitOrNumeral(s)) {
            throw new BadQualifierException(
                    "「" + PersonalDataMasker.echo(text) + "」表示“不足/以下”，无法记录；请填写准确的数，或用 余/以上（超过）、近/约（接近）说明",
                    "'" + PersonalDataMasker.echo(text) + "' says 'less than', which cannot be recorded; write the figure itself, "
                            + "or qualify it with 余/以上 (over) or 近/约 (nearly)");
        }
    }

    private static Qualifier qualifier(String text, Qualifier before, Qualifier after) {
        if (before == Qualifier.EXACT) {
            before = null; // 达8000余万元: 达 only introduces the figure
        }
        // 约3000左右 is redundant but common; 近3000余 contradicts itself and must be asked about.
        if (before != null && after != null && before != after) {
            String shown = PersonalDataMasker.echo(text);
            throw new BadQualifierException(
                    "数字「" + shown + "」同时写了“超过”和“接近”，只能写一种：余/多/超过/以上 或 近/约/左右",
                    "the number '" + shown + "' says both 'over' and 'nearly'; use only one of "
                            + "余/多/超过/以上 (over) or 近/约/左右 (nearly)");
        }
        return before != null ? before : after != null ? after : Qualifier.EXACT;
    }

    static ValueFormatException unreadable(String text) {
        String shown = PersonalDataMasker.echo(text);
        return new ValueFormatException(
                "无法识别的数字「" + shown + "」，" + EXAMPLES_ZH,
                "cannot read the number '" + shown + "'; " + EXAMPLES_EN);
    }

    private static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean containsDigitOrNumeral(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || ChineseNumerals.CHARACTERS.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> mapOf(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return Map.copyOf(map);
    }

    private static List<String> sortedLongestFirst(Map<String, ?> words) {
        return words.keySet().stream().sorted((a, b) -> b.length() - a.length() != 0 ? b.length() - a.length() : a.compareTo(b)).toList();
    }

    /** Longest first, so that 百万 is not read as 百 followed by garbage. */
    private static String alternatives(Map<String, ?> words) {
        return String.join("|", sortedLongestFirst(words).stream().map(Pattern::quote).toList());
    }
}
