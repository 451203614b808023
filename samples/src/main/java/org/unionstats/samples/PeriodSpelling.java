package org.unionstats.samples;

import org.unionstats.period.Period;

/** How a union names a period folder: usually canonical, sometimes the Chinese or hyphenated way. */
final class PeriodSpelling {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private PeriodSpelling() {}

    static String folder(Period period, Rng rng) {
        double x = rng.nextDouble();
        if (x < 0.8) {
            return period.canonical();
        }
        boolean chinese = x < 0.92;
        return switch (period.type()) {
            case QUARTER -> chinese
                    ? period.year() + (rng.chance(0.7) ? "年第" : "年") + DIGITS[period.index()] + "季度"
                    : period.year() + "-Q" + period.index();
            case MONTH -> chinese
                    ? period.year() + "年" + period.index() + "月"
                    : String.format("%d%02d", period.year(), period.index());
            case HALF_YEAR -> period.year() + (period.index() == 1 ? "年上半年" : "年下半年");
            case YEAR -> period.year() + (chinese ? "年度" : "年");
        };
    }
}
