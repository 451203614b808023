package org.unionstats.privacy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.unionstats.text.TextNormalizer;

/**
 * Masks personal data in text that is kept for people to read (the quarantine's raw rows, extra
 * columns): ID numbers and mobile numbers wherever they appear, and whole values of columns
 * whose header says they hold a name, a phone or an ID.
 */
public final class PersonalDataMasker {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])(\\d{6})\\d{11}[0-9Xx](?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9]\\d)\\d{4}(\\d{4})(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0\\d{2,3})-?\\d{7,8}(?![0-9])");
    private static final List<String> PERSONAL_HEADER_HINTS = List.of(
            "姓名", "名字", "联系人", "户主", "电话", "手机", "身份证", "证件", "住址", "地址",
            "name", "phone", "mobile", "tel", "idnumber", "address");
    private static final List<String> NOT_PERSONAL = List.of("工会名称", "竞赛名称", "名称", "组织名称", "name");

    private PersonalDataMasker() {}

    /** Masks ID and phone numbers inside free text. */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        String s = ID_NUMBER.matcher(text).replaceAll("$1************");
        s = MOBILE.matcher(s).replaceAll("$1****$2");
        return LANDLINE.matcher(s).replaceAll("$1-********");
    }

    /**
     * Masks one cell: entirely when its header names personal data, otherwise only the ID and
     * phone numbers inside it.
     */
    public static String maskCell(String header, String value, boolean personalColumn) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (personalColumn || isPersonalHeader(header)) {
            return maskWhole(value);
        }
        return maskText(value);
    }

    static boolean isPersonalHeader(String header) {
        String key = TextNormalizer.headerKey(header == null ? "" : header).toLowerCase(Locale.ROOT);
        if (NOT_PERSONAL.contains(key)) {
            return false;
        }
        return PERSONAL_HEADER_HINTS.stream().anyMatch(key::contains);
    }

    /** Keeps the first character (a surname, a region digit) so a clerk can still tell rows apart. */
    private static String maskWhole(String value) {
        String v = value.strip();
        int keep = v.length() >= 18 ? 6 : 1;
        return v.substring(0, Math.min(keep, v.length())) + "*".repeat(Math.max(2, v.length() - keep));
    }
}
