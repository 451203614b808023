package org.unionstats.letters.text;

import java.time.LocalDate;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;

/** Periods and dates as a letter writes them: 2024年第三季度, 2024年10月15日. */
public final class Quarters {

    private static final String[] ORDINALS = {"一", "二", "三", "四"};

    private Quarters() {}

    /** 2024Q3 → 2024年第三季度. */
    public static String label(String quarter) {
        return label(Period.parse(quarter));
    }

    /** The quarter after: 2024Q4 → 2025年第一季度. */
    public static String next(String quarter) {
        return label(Period.parse(quarter).next());
    }

    /**
     * A target's period: 2024 → 2024年, 2024H2 → 2024年下半年, 2024Q3 → 2024年第三季度, 2024-07 → 2024年7月; a
     * period that is none of these is shown as written.
     */
    public static String targetPeriod(String period) {
        Period p;
        try {
            p = Period.parse(period);
        } catch (IllegalArgumentException e) {
            return period;
        }
        return switch (p.type()) {
            case YEAR -> p.year() + "年";
            case HALF_YEAR -> p.year() + (p.index() == 1 ? "年上半年" : "年下半年");
            case QUARTER -> label(p);
            case MONTH -> p.year() + "年" + p.index() + "月";
        };
    }

    public static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String label(Period quarter) {
        if (quarter.type() != PeriodType.QUARTER) {
            throw new IllegalArgumentException("not a quarter: " + quarter.canonical());
        }
        return quarter.year() + "年第" + ORDINALS[quarter.index() - 1] + "季度";
    }
}
