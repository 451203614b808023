package org.unionstats.values;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.unionstats.privacy.PersonalDataMasker;

/**
 * How exactly a reported figure is meant: {@code 5000} ({@link #EXACT}), {@code 5000余}
 * ({@link #OVER}, at least this much) or {@code 近5000} ({@link #NEARLY}, about this much).
 * Declared from strongest to weakest claim; {@link #weakest} relies on that order.
 */
public enum Qualifier {
    EXACT("exact"),
    OVER("over"),
    NEARLY("nearly");

    /** Labels a clerk may put in the 说明 column, keyed in lower case after NFKC (the words the value parser reads). */
    private static final Map<String, Qualifier> LABELS = Map.ofEntries(
            Map.entry("", EXACT),
            Map.entry("精确", EXACT),
            Map.entry("exact", EXACT),
            Map.entry("准确", EXACT),
            Map.entry("余", OVER),
            Map.entry("多", OVER),
            Map.entry("有余", OVER),
            Map.entry("超", OVER),
            Map.entry("超过", OVER),
            Map.entry("突破", OVER),
            Map.entry("逾", OVER),
            Map.entry("以上", OVER),
            Map.entry("over", OVER),
            Map.entry("more than", OVER),
            Map.entry("at least", OVER),
            Map.entry("近", NEARLY),
            Map.entry("将近", NEARLY),
            Map.entry("接近", NEARLY),
            Map.entry("约", NEARLY),
            Map.entry("大约", NEARLY),
            Map.entry("左右", NEARLY),
            Map.entry("上下", NEARLY),
            Map.entry("nearly", NEARLY),
            Map.entry("about", NEARLY),
            Map.entry("approx", NEARLY),
            Map.entry("approximately", NEARLY),
            Map.entry("around", NEARLY));

    private final String code;

    Qualifier(String code) {
        this.code = code;
    }

    /** The stable English code stored in the warehouse. */
    public String code() {
        return code;
    }

    /** Reads a stored code ({@code exact}, {@code over}, {@code nearly}). */
    public static Qualifier fromCode(String code) {
        for (Qualifier q : values()) {
            if (q.code.equalsIgnoreCase(code == null ? "" : code.trim())) {
                return q;
            }
        }
        String shown = PersonalDataMasker.echo(code);
        throw new ValueFormatException(
                "无法识别的说明代码「" + shown + "」，应为 exact、over 或 nearly",
                "unknown qualifier code '" + shown + "'; expected exact, over or nearly");
    }

    /**
     * The less precise of the two, e.g. when adding an {@code OVER} figure to a {@code NEARLY}
     * one the sum is only {@code NEARLY}.
     */
    public Qualifier weakest(Qualifier other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }

    /**
     * Reads a Chinese or English label as written in a submission; blank (and null, an empty
     * optional column) means exact. Empty when the label is not known.
     */
    public static Optional<Qualifier> fromLabel(String label) {
        String key = label == null
                ? ""
                : Normalizer.normalize(label, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(LABELS.get(key));
    }
}
