package org.unionstats.values;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.unionstats.text.TextNormalizer;

/**
 * What a column or an indicator counts in ({@code persons}, {@code CNY} ...) and the words a clerk may write
 * after a number for it: {@code 5000余名}, {@code 2.05亿元}, {@code 8.9万个}. The magnitude words
 * (万, 亿 ...) are part of the number, so {@code 万元} is {@code 万} and {@code 元}.
 *
 * <p>Words are compared loosely ({@link TextNormalizer#headerKey}: case, width, spaces, brackets). A word
 * that is a unit but not this one ({@code 元} where people are counted) is a contradiction
 * ({@link UnitMismatchException}); a word that is no unit at all makes the number unreadable.
 */
public final class Unit implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The words each unit code of the contract accepts besides its Chinese name and the catalogue's aliases.
     * A classifier may serve several units (个 counts stations, jobs, cases and items alike).
     */
    private static final Map<String, List<String>> BUILT_IN = Map.ofEntries(
            Map.entry("persons", List.of("人", "名", "位", "口", "口人", "人数", "persons", "person", "people")),
            Map.entry("person_times", List.of("人次", "person_times", "person-times")),
            Map.entry("households", List.of("户", "households")),
            Map.entry("CNY", List.of("元", "人民币", "人民币元", "yuan", "RMB", "CNY")),
            Map.entry("stations", List.of("个", "处", "站", "座", "家", "个站点", "stations")),
            Map.entry("events", List.of("场", "次", "场次", "events")),
            Map.entry("jobs", List.of("个", "岗", "岗位", "个岗位", "jobs")),
            Map.entry("cases", List.of("件", "件次", "起", "宗", "个", "cases")),
            Map.entry("calls", List.of("次", "件", "件次", "个", "通", "calls")),
            Map.entry("items", List.of("项", "个", "件", "条", "种", "items")),
            Map.entry("enterprises", List.of("家", "个", "户", "enterprises")),
            Map.entry("union_orgs", List.of("个", "家", "union_orgs")));

    /** Classifiers and units that are no unit of the contract: written after a number they contradict it. */
    private static final List<String> OTHER_UNITS = List.of(
            "只", "头", "亩", "公顷", "箱", "单", "份", "张", "期", "批", "类", "届", "轮", "笔", "间", "栋", "床",
            "辆", "台", "套", "本", "册", "篇", "所", "支", "队", "组", "班", "天", "日", "周", "月", "年", "小时",
            "分钟", "秒", "%", "‰", "斤", "公斤", "千克", "克", "吨", "米", "公里", "平方米", "立方米", "美元",
            "港元", "港币", "欧元", "日元", "角", "分", "块", "万元", "亿元", "倍", "成", "个百分点", "岁", "周岁",
            "days", "hours", "years", "percent", "USD", "EUR");

    private static final Set<String> KNOWN = known();

    private final String code;
    private final String zh;
    private final Set<String> words;

    private Unit(String code, String zh, Set<String> words) {
        this.code = code;
        this.zh = zh;
        this.words = words;
    }

    /**
     * A unit by its contract code (and Chinese name, and any further accepted words, e.g. from the indicator
     * catalogue); the built-in words of the code are added.
     */
    public static Unit of(String code, String zh, Collection<String> aliases) {
        Objects.requireNonNull(code, "code");
        Set<String> words = new LinkedHashSet<>();
        words.add(key(code));
        if (zh != null && !zh.isBlank()) {
            words.add(key(zh));
        }
        aliases.forEach(a -> words.add(key(a)));
        BUILT_IN.getOrDefault(code, List.of()).forEach(w -> words.add(key(w)));
        words.remove("");
        return new Unit(code, zh == null || zh.isBlank() ? code : zh, Set.copyOf(words));
    }

    /** A unit of the contract by its code alone ({@code persons}, {@code CNY}). */
    public static Unit of(String code, String zh) {
        return of(code, zh, List.of());
    }

    public String code() {
        return code;
    }

    /** The Chinese name for messages ({@code 人}, {@code 元}). */
    public String zh() {
        return zh;
    }

    /** True when the written word names this unit (not a multiple of it: {@code 万元} is not {@code 元}). */
    public boolean accepts(String written) {
        return written != null && words.contains(key(written));
    }

    /**
     * True when the word is a unit or classifier of any kind: a number followed by it has a unit, right or
     * wrong, rather than trailing garbage. {@code 元/人} and {@code 人/天} count too.
     */
    public static boolean isUnitWord(String written) {
        if (written == null) {
            return false;
        }
        String k = key(written);
        if (k.isEmpty()) {
            return false;
        }
        if (KNOWN.contains(k)) {
            return true;
        }
        int slash = k.indexOf('/');
        if (slash > 0 && slash < k.length() - 1) {
            return KNOWN.contains(k.substring(0, slash)) && KNOWN.contains(k.substring(slash + 1));
        }
        return k.startsWith("每") && KNOWN.contains(k.substring(1));
    }

    private static Set<String> known() {
        Set<String> all = new HashSet<>();
        BUILT_IN.values().forEach(ws -> ws.forEach(w -> all.add(key(w))));
        OTHER_UNITS.forEach(w -> all.add(key(w)));
        return Set.copyOf(all);
    }

    static String key(String word) {
        String k = TextNormalizer.headerKey(word);
        return k == null ? "" : k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unit u && u.code.equals(code) && u.zh.equals(zh) && u.words.equals(words);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, zh, words);
    }

    @Override
    public String toString() {
        return zh + " (" + code + ")";
    }
}
