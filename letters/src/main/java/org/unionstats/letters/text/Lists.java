package org.unionstats.letters.text;

import java.util.List;

/** Enumerations in a Chinese sentence: 甲、乙、丙. */
public final class Lists {

    private Lists() {}

    public static String of(List<String> items) {
        return String.join("、", items);
    }
}
