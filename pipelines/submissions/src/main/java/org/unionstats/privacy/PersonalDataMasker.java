package org.unionstats.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionstats.text.TextHazards;
import org.unionstats.text.TextNormalizer;

/**
 * The one masking step for personal data in any text that leaves the checker for people to read: the
 * quarantine's raw rows, extra columns, messages that quote a value, file names.
 *
 * <p>Every method first normalises the text ({@link TextNormalizer#normalize}: full-width digits and
 * punctuation become ASCII, zero-width characters go, whitespace collapses) and removes the
 * control, direction and zero-width characters ({@link TextHazards}), so {@code １３８１２３４５６７８} or a number broken by an invisible character is
 * masked like any other. Then it masks, wherever they appear:
 *
 * <ul>
 *   <li>ID-card numbers: 18 characters (17 digits and a digit or X) or the old 15 digits, with a real
 *       province prefix and a plausible date of birth (or, for 18, a correct check character); written
 *       whole or grouped {@code 6-8-4}: {@code 130306************};
 *   <li>mobile numbers {@code 13812345678}, {@code 138-1234-5678}, {@code 138 1234 5678}, with {@code +86},
 *       {@code 0086} or {@code (+86)} in front: {@code 138****5678};
 *   <li>landlines with an area code {@code 0335-1234567}, {@code 010 12345678}, {@code (0335)1234567},
 *       {@code 03351234567}, and a bare 7 or 8 digit number right after 电话/座机/传真/tel/phone:
 *       {@code 0335-********};
 *   <li>bank card numbers: 16 to 19 digits starting 3–6 that pass the Luhn check (so ordinary long figures
 *       are left alone), whole or in groups of four: {@code 6222***********0128};
 *   <li>e-mail addresses {@code z***@example.com}, and the handle after 微信/微信号/QQ/WeChat.
 * </ul>
 *
 * <p>Counts, amounts, dates, org codes ({@code 130302}, {@code 130306-0042}), credit codes and other numbers
 * stay readable. {@link #maskCell} masks a whole value when its column header names a person or a way to
 * reach one (姓名, 联系人, 负责人, 电话, 手机, 联系方式, 邮箱, 微信, 身份证, 住址 ..., name, phone, e-mail,
 * contact, address ...). {@link #echo} is for messages: masked, then cut to {@value #ECHO_LIMIT} characters.
 */
public final class PersonalDataMasker {

    /** The longest value a message quotes, ellipsis included. */
    public static final int ECHO_LIMIT = 100;
    static final String ELLIPSIS = "…";

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
    /** The account after a messenger's name: 微信号: zhang_san88, QQ 12345678. */
    private static final Pattern HANDLE = Pattern.compile(
            "(?i)((?:微信号?|(?<![a-z])(?:wechat|weixin|qq)(?:\\s*(?:id|号))?|QQ号)\\s*(?:号码|号)?\\s*[:=]?\\s*)"
                    + "([A-Za-z0-9][A-Za-z0-9_-]{4,})");
    private static final Pattern INTERNATIONAL_PARENS = Pattern.compile("\\(\\+?86\\)\\s?(?=\\d)");
    private static final Pattern PARENTHESISED_LANDLINE = Pattern.compile("\\((0[1-9]\\d{1,2})\\)\\s?\\d{7,8}(?!\\d)");
    /** A group of digits, with the X that may end an ID number (dropped again when it is not one). */
    private static final Pattern DIGIT_GROUP = Pattern.compile("\\d+[Xx]?");
    /** What may stand right before a bare local phone number. */
    private static final Pattern PHONE_WORD = Pattern.compile("(?i)(?:电话|座机|手机|传真|联系方式|tel|phone|fax)\\s*[:]?\\s*$");

    private static final Set<String> ID_PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    /** Chinese header words that name a person or a way to reach one. */
    private static final List<String> PERSONAL_HEADER_WORDS = List.of(
            "姓名", "名字", "联系人", "负责人", "户主", "法定代表人", "法人代表", "经办人", "填报人", "填表人",
            "审核人", "电话", "手机", "座机", "传真", "联系方式", "邮箱", "电子邮件", "邮件", "微信", "qq",
            "身份证", "证件", "护照", "住址", "地址", "银行卡", "银行账号", "银行帐号", "卡号", "账号", "帐号",
            "idnumber", "idcard", "bankcard", "cardnumber", "cardno", "accountnumber", "accountno",
            "personincharge", "email", "wechat", "weixin");
    /** English header words (whole words) that name a person or a way to reach one. */
    private static final Set<String> PERSONAL_HEADER_TOKENS = Set.of(
            "phone", "mobile", "tel", "telephone", "cellphone", "fax", "email", "mail", "wechat", "weixin", "qq",
            "address", "contact", "passport");
    /** Words that make a "name" header the name of a thing, not a person. */
    private static final Set<String> THING_TOKENS = Set.of(
            "org", "orgs", "organisation", "organization", "union", "company", "enterprise", "competition",
            "unit", "federation", "indicator", "project", "event", "file", "sheet", "field", "column", "item",
            "region", "county", "city", "province", "district", "industry", "award", "title", "station",
            "course", "product");
    /** Headers that hold the name of an organisation or a competition. */
    private static final Set<String> NOT_PERSONAL = Set.of("工会名称", "竞赛名称", "名称", "组织名称", "name");

    private PersonalDataMasker() {}

    /** Masks personal numbers and addresses inside free text, after normalising it. Null stays null. */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        String s = TextNormalizer.normalize(TextHazards.strip(text));
        if (s.indexOf('@') >= 0) {
            s = EMAIL.matcher(s).replaceAll("$1***@$2");
        }
        if (!hasDigitOrLetter(s)) {
            return s;
        }
        s = HANDLE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + maskWhole(m.group(2))));
        s = INTERNATIONAL_PARENS.matcher(s).replaceAll("+86 ");
        s = PARENTHESISED_LANDLINE.matcher(s).replaceAll("($1)********");
        return maskNumbers(s);
    }

    /**
     * Masks one cell: entirely when its header names personal data (or the column is declared personal),
     * otherwise only the personal numbers inside it.
     */
    public static String maskCell(String header, String value, boolean personalColumn) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (personalColumn || isPersonalHeader(header)) {
            return maskWhole(TextNormalizer.normalize(TextHazards.strip(value)));
        }
        return maskText(value);
    }

    /**
     * A value as a message may quote it: masked ({@link #maskText}) and cut to at most {@value #ECHO_LIMIT}
     * characters, the last an ellipsis when something was cut. Null is shown as the empty string.
     */
    public static String echo(String text) {
        if (text == null) {
            return "";
        }
        String masked = maskText(text);
        if (masked.codePointCount(0, masked.length()) <= ECHO_LIMIT) {
            return masked;
        }
        return masked.substring(0, masked.offsetByCodePoints(0, ECHO_LIMIT - 1)) + ELLIPSIS;
    }

    /**
     * True when the text holds an ID-card number (18 or 15 digits, as {@link #maskText} recognises them),
     * alone or inside something else ({@code KH130306199001011234}).
     */
    public static boolean containsIdNumber(String text) {
        return contains(text, Set.of(Kind.ID));
    }

    /**
     * True when the text holds an ID-card number or a mobile phone number (as {@link #maskText} recognises them, with
     * {@code +86} or in groups): what free text written to another union must never carry.
     */
    public static boolean containsIdOrMobileNumber(String text) {
        return contains(text, Set.of(Kind.ID, Kind.MOBILE));
    }

    private static boolean contains(String text, Set<Kind> kinds) {
        if (text == null) {
            return false;
        }
        String s = TextNormalizer.normalize(TextHazards.strip(text));
        s = INTERNATIONAL_PARENS.matcher(s).replaceAll("+86 ");
        for (Span span : spans(s)) {
            if (kinds.contains(span.kind)) {
                return true;
            }
        }
        return false;
    }

    static boolean isPersonalHeader(String header) {
        String normalized = TextNormalizer.normalize(header == null ? "" : header);
        String key = TextNormalizer.headerKey(normalized).toLowerCase(Locale.ROOT);
        if (key.isEmpty() || NOT_PERSONAL.contains(key)) {
            return false;
        }
        if (PERSONAL_HEADER_WORDS.stream().anyMatch(key::contains)) {
            return true;
        }
        // 参赛人, 受助人: a header that ends in 人 names a person (but 法人 is a legal entity).
        if (key.endsWith("人") && !key.endsWith("法人") && !key.endsWith("个人")) {
            return true;
        }
        List<String> tokens = englishTokens(normalized);
        if (tokens.stream().anyMatch(PERSONAL_HEADER_TOKENS::contains)) {
            return true;
        }
        return tokens.contains("name") && tokens.stream().noneMatch(THING_TOKENS::contains);
    }

    /** Keeps the first character (a surname, a region digit) so a clerk can still tell rows apart. */
    static String maskWhole(String value) {
        String v = value.strip();
        int length = v.codePointCount(0, v.length());
        int keep = length >= 18 ? 6 : 1;
        int cut = v.offsetByCodePoints(0, Math.min(keep, length));
        return v.substring(0, cut) + "*".repeat(Math.max(2, length - keep));
    }

    // ---- numbers ----

    private enum Kind { ID, MOBILE, LANDLINE, CARD, LOCAL_PHONE }

    /** A stretch of the text to replace. */
    private record Span(int start, int end, Kind kind, String replacement) {}

    /** One run of digits (with a final X possibly). */
    private record Group(int start, int end, String digits) {}

    private static String maskNumbers(String s) {
        List<Span> spans = spans(s);
        if (spans.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int at = 0;
        for (Span span : spans) {
            out.append(s, at, span.start).append(span.replacement);
            at = span.end;
        }
        return out.append(s, at, s.length()).toString();
    }

    /**
     * The personal numbers of a text, left to right. Digit groups joined by one space or hyphen form a run;
     * from each group of a run, the longest stretch of up to five groups that reads as a personal number wins.
     */
    private static List<Span> spans(String s) {
        List<Span> spans = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        Matcher m = DIGIT_GROUP.matcher(s);
        while (m.find()) {
            groups.add(new Group(m.start(), m.end(), m.group()));
        }
        int i = 0;
        while (i < groups.size()) {
            int runEnd = i;
            while (runEnd + 1 < groups.size() && joined(s, groups.get(runEnd), groups.get(runEnd + 1))) {
                runEnd++;
            }
            int k = i;
            while (k <= runEnd) {
                Span found = null;
                int last = Math.min(runEnd, k + 4);
                for (int j = last; j >= k && found == null; j--) {
                    found = classify(s, groups.subList(k, j + 1));
                }
                if (found != null) {
                    spans.add(found);
                    k = indexAfter(groups, found.end, k);
                } else {
                    k++;
                }
            }
            i = runEnd + 1;
        }
        return spans;
    }

    private static int indexAfter(List<Group> groups, int end, int from) {
        int k = from;
        while (k < groups.size() && groups.get(k).start < end) {
            k++;
        }
        return k;
    }

    private static boolean joined(String s, Group a, Group b) {
        if (b.start - a.end != 1 || a.digits.endsWith("X") || a.digits.endsWith("x")) {
            return false;
        }
        char c = s.charAt(a.end);
        return c == ' ' || c == '-';
    }

    private static Span classify(String s, List<Group> groups) {
        int start = groups.get(0).start;
        int end = groups.get(groups.size() - 1).end;
        if (isDecimalNeighbour(s, start, end)) {
            return null;
        }
        StringBuilder all = new StringBuilder();
        int[] lengths = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            all.append(groups.get(g).digits);
            lengths[g] = groups.get(g).digits.length();
        }
        String d = all.toString();
        boolean hasX = d.indexOf('X') >= 0 || d.indexOf('x') >= 0;
        if (hasX) {
            if (isId18(d, lengths)) {
                return new Span(start, end, Kind.ID, d.substring(0, 6) + "*".repeat(12));
            }
            // 130306199001011234X: the X is a letter after the number, not its check character.
            d = d.substring(0, d.length() - 1);
            end--;
            lengths[lengths.length - 1]--;
            if (d.isEmpty() || lengths[lengths.length - 1] == 0) {
                return null;
            }
        }
        boolean plus = start > 0 && s.charAt(start - 1) == '+';
        if (plus && d.startsWith("86") || d.startsWith("0086")) {
            String prefix = d.startsWith("0086") ? "0086" : "86";
            return international(start, end, prefix, d.substring(prefix.length()));
        }
        if (isId18(d, lengths)) {
            return new Span(start, end, Kind.ID, d.substring(0, 6) + "*".repeat(12));
        }
        if (isId15(d, lengths)) {
            return new Span(start, end, Kind.ID, d.substring(0, 6) + "*".repeat(9));
        }
        if (isMobile(d) && shape(lengths, new int[] {11}, new int[] {3, 4, 4}, new int[] {3, 8}, new int[] {7, 4})) {
            return new Span(start, end, Kind.MOBILE, maskMobile(d));
        }
        int area = landlineArea(d, lengths);
        if (area > 0) {
            return new Span(start, end, Kind.LANDLINE, d.substring(0, area) + "-********");
        }
        if (isCard(d, lengths)) {
            return new Span(start, end, Kind.CARD, d.substring(0, 4) + "*".repeat(d.length() - 8) + d.substring(d.length() - 4));
        }
        if (lengths.length == 1 && (d.length() == 7 || d.length() == 8) && d.charAt(0) != '0'
                && PHONE_WORD.matcher(s.substring(Math.max(0, start - 12), start)).find()) {
            return new Span(start, end, Kind.LOCAL_PHONE, "*".repeat(d.length()));
        }
        return null;
    }

    /** 1234.5678 is a decimal, not two numbers. */
    private static boolean isDecimalNeighbour(String s, int start, int end) {
        boolean before = start >= 2 && s.charAt(start - 1) == '.' && Character.isDigit(s.charAt(start - 2));
        boolean after = end + 1 < s.length() && s.charAt(end) == '.' && Character.isDigit(s.charAt(end + 1));
        return before || after;
    }

    private static Span international(int start, int end, String prefix, String rest) {
        if (isMobile(rest)) {
            return new Span(start, end, Kind.MOBILE, prefix + " " + maskMobile(rest));
        }
        // A landline dialled from abroad drops the 0 of its area code: +86 335 1234567, +86 10 12345678.
        if (rest.length() >= 9 && rest.length() <= 11 && rest.charAt(0) != '0') {
            int area = rest.charAt(0) == '1' || rest.charAt(0) == '2' ? 2 : 3;
            int local = rest.length() - area;
            if (local == 7 || local == 8) {
                return new Span(start, end, Kind.LANDLINE, prefix + " " + rest.substring(0, area) + "-********");
            }
        }
        return null;
    }

    private static boolean isMobile(String d) {
        return d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9' && allDigits(d);
    }

    private static String maskMobile(String d) {
        return d.substring(0, 3) + "****" + d.substring(7);
    }

    private static boolean isId18(String d, int[] lengths) {
        if (d.length() != 18 || !allDigits(d.substring(0, 17)) || !(Character.isDigit(d.charAt(17))
                || d.charAt(17) == 'X' || d.charAt(17) == 'x')) {
            return false;
        }
        if (!shape(lengths, new int[] {18}, new int[] {6, 8, 4}, new int[] {6, 12}, new int[] {6, 4, 4, 4})) {
            return false;
        }
        if (!ID_PROVINCES.contains(d.substring(0, 2))) {
            return false;
        }
        int year = Integer.parseInt(d.substring(6, 10));
        boolean born = year >= 1900 && year <= 2099 && plausibleDate(year, d.substring(10, 12), d.substring(12, 14));
        return born || checkCharacterMatches(d);
    }

    private static boolean isId15(String d, int[] lengths) {
        return d.length() == 15 && allDigits(d) && shape(lengths, new int[] {15}, new int[] {6, 6, 3})
                && ID_PROVINCES.contains(d.substring(0, 2))
                && plausibleDate(1900 + Integer.parseInt(d.substring(6, 8)), d.substring(8, 10), d.substring(10, 12));
    }

    private static boolean plausibleDate(int year, String month, String day) {
        int mm = Integer.parseInt(month);
        int dd = Integer.parseInt(day);
        return year > 0 && mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31;
    }

    private static boolean checkCharacterMatches(String d) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (d.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(d.charAt(17)) == ID_CHECK.charAt(sum % 11);
    }

    /** The length of the area code when the digits are a landline with one, else 0. */
    private static int landlineArea(String d, int[] lengths) {
        if (d.length() < 10 || d.charAt(0) != '0' || d.charAt(1) == '0' || !allDigits(d)) {
            return 0;
        }
        // 010 and 02x are the three-digit area codes; the others have four digits.
        int area = d.charAt(1) == '1' || d.charAt(1) == '2' ? 3 : 4;
        int local = d.length() - area;
        if (local != 7 && local != 8) {
            return 0;
        }
        boolean whole = lengths.length == 1;
        boolean split = lengths.length >= 2 && lengths.length <= 3 && lengths[0] == area;
        return whole || split ? area : 0;
    }

    private static boolean isCard(String d, int[] lengths) {
        if (d.length() < 16 || d.length() > 19 || d.charAt(0) < '3' || d.charAt(0) > '6' || !allDigits(d)) {
            return false;
        }
        boolean fours = true;
        for (int g = 0; g < lengths.length - 1; g++) {
            fours &= lengths[g] == 4;
        }
        boolean shaped = lengths.length == 1 || fours && lengths[lengths.length - 1] <= 4
                || lengths.length == 2 && lengths[0] == 6;
        return shaped && luhn(d);
    }

    private static boolean luhn(String d) {
        int sum = 0;
        for (int i = 0; i < d.length(); i++) {
            int digit = d.charAt(d.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static boolean shape(int[] lengths, int[]... allowed) {
        for (int[] a : allowed) {
            if (java.util.Arrays.equals(a, lengths)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDigitOrLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                return true;
            }
        }
        return false;
    }

    /** Lower-case English words of a header: {@code Member_Name}, {@code memberName} and {@code member name} alike. */
    private static List<String> englishTokens(String header) {
        String spaced = header.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        for (String t : spaced.split("[^a-z]+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        // e-mail, e mail
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).equals("e") && tokens.get(i + 1).equals("mail")) {
                tokens.add("email");
            }
        }
        return tokens;
    }
}
