package org.unionstats.samples;

import java.time.LocalDate;
import java.time.Month;
import org.unionstats.period.Period;

/** Campaign seasons: 送温暖 before the Spring Festival, 春风行动 jobs fairs in spring, 金秋助学 in late summer. */
final class Seasons {

    private Seasons() {}

    static boolean covers(Period period, Month month) {
        for (LocalDate d = period.start(); !d.isAfter(period.end()); d = d.plusMonths(1)) {
            if (d.getMonth() == month) {
                return true;
            }
        }
        return false;
    }

    /** 送温暖: January or February. */
    static boolean springFestival(Period p) {
        return covers(p, Month.JANUARY) || covers(p, Month.FEBRUARY);
    }

    /** 春风行动 job fairs: February or March. */
    static boolean springJobs(Period p) {
        return covers(p, Month.FEBRUARY) || covers(p, Month.MARCH);
    }

    /** 金秋助学: August or September. */
    static boolean autumnAid(Period p) {
        return covers(p, Month.AUGUST) || covers(p, Month.SEPTEMBER);
    }
}
