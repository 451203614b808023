package org.unionstats.values;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionstats.text.TextNormalizer;

/**
 * Reads counts and amounts written the way Chinese reports write them: {@code 1.7万},
 * {@code 2.05亿}, {@code 5000余}, {@code 近3000万}, {@code 1,234}, full-width digits, and what
 * Excel makes of numbers ({@code 17000.0}, {@code 1.7E4}).
 */
public final class ChineseNumberParser {

    private static final String EXAMPLES_ZH = "应为如 17000、1.7万、5000余 的写法";
    private static final String EXAMPLES_EN = "write it like 17000, 1.7万 or 5000余";

    /** Qualifier words before the number ({@code 近3000万}, {@code 超过100}). */
    private static final Map<String, Qualifier> PREFIXES = mapOf(
            "超过", Qualifier.OVER, "逾", Qualifier.OVER,
            "将近", Qualifier.NEARLY, "接近", Qualifier.NEARLY, "大约", Qualifier.NEARLY,
            "近", Qualifier.NEARLY, "约", Qualifier.NEARLY);

    /** Qualifier words after the digits or after the unit ({@code 3000余万}, {@code 1.7万余}). */
    private static final Map<String, Qualifier> SUFFIXES = mapOf(
            "以上", Qualifier.OVER, "有余", Qualifier.OVER, "余", Qualifier.OVER, "多", Qualifier.OVER,
            "左右", Qualifier.NEARLY);

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
            "(?<prefix>" + alternatives(PREFIXES) + ")?\\s*"
                    + "(?<number>" + NUMBER + ")\\s*"
                    + "(?<inner>" + alternatives(SUFFIXES) + ")?\\s*"
                    + "(?<multiplier>" + alternatives(MULTIPLIERS) + ")?\\s*"
                    + "(?<outer>" + alternatives(SUFFIXES) + ")?");

    /** Beyond this many integer digits a figure is a typing accident, not a statistic. */
    private static final int MAX_INTEGER_DIGITS = 18;

    private ChineseNumberParser() {}

    public static QualifiedNumber parse(String text) {
        String s = TextNormalizer.normalize(text);
        if (s == null || s.isEmpty()) {
            throw new ValueFormatException(
                    "数值为空，" + EXAMPLES_ZH, "the number is empty; " + EXAMPLES_EN);
        }
        // NFKC leaves the typographic minus alone; some word processors write it.
        s = s.replace('\u2212', '-').replace('萬', '万').replace('億', '亿');
        String shown = text.strip();
        Matcher m = SHAPE.matcher(s);
        if (!m.matches() || (m.group("inner") != null && m.group("outer") != null)) {
            throw unreadable(shown);
        }
        Qualifier qualifier = qualifier(shown, m);
        BigDecimal value = new BigDecimal(m.group("number").replace(",", ""));
        if (m.group("multiplier") != null) {
            value = value.multiply(MULTIPLIERS.get(m.group("multiplier")));
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new ValueFormatException(
                    "数值「" + shown + "」过大，请检查是否多写了数字或单位",
                    "the number '" + shown + "' is too large; check for extra digits or a wrong unit");
        }
        return new QualifiedNumber(value, qualifier);
    }

    private static Qualifier qualifier(String text, Matcher m) {
        Qualifier before = m.group("prefix") == null ? null : PREFIXES.get(m.group("prefix"));
        String suffix = m.group("inner") != null ? m.group("inner") : m.group("outer");
        Qualifier after = suffix == null ? null : SUFFIXES.get(suffix);
        // 约3000左右 is redundant but common; 近3000余 contradicts itself and must be asked about.
        if (before != null && after != null && before != after) {
            throw new ValueFormatException(
                    "数字「" + text + "」同时写了“超过”和“接近”，只能写一种：余/多/超过/以上 或 近/约/左右",
                    "the number '" + text + "' says both 'over' and 'nearly'; use only one of "
                            + "余/多/超过/以上 (over) or 近/约/左右 (nearly)");
        }
        return before != null ? before : after != null ? after : Qualifier.EXACT;
    }

    private static ValueFormatException unreadable(String text) {
        return new ValueFormatException(
                "无法识别的数字「" + text + "」，" + EXAMPLES_ZH,
                "cannot read the number '" + text + "'; " + EXAMPLES_EN);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> mapOf(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return Map.copyOf(map);
    }

    /** Longest first, so that 百万 is not read as 百 followed by garbage. */
    private static String alternatives(Map<String, ?> words) {
        return String.join("|", words.keySet().stream()
                .sorted((a, b) -> b.length() - a.length())
                .map(Pattern::quote)
                .toList());
    }
}
