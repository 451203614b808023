package org.unionstats.letters.render;

import org.unionstats.letters.compose.Letter;

/** The names of the letters' files: the quarter, the code and the name, so a folder of them sorts by county. */
final class FileNames {

    private FileNames() {}

    /** 2024Q3-130302-海港区-季度指导书.pdf */
    static String county(Letter letter, String extension) {
        return letter.quarter() + "-" + letter.countyCode() + "-" + safe(letter.countyName()) + "-季度指导书." + extension;
    }

    /** 2024Q3-130300-秦皇岛市-县区季度指导书.xlsx */
    static String city(Letter letter, String extension) {
        return letter.quarter() + "-" + letter.cityCode() + "-" + safe(letter.cityName()) + "-县区季度指导书." + extension;
    }

    /** A name as a file name on any system: no path separators or characters Windows refuses. */
    private static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\s]", "_");
    }
}
