package org.unionstats.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.period.Period;

/**
 * The register of hardship families (困难职工家庭档案) of one county, kept by the county federation under its own
 * code and calibrated on 榆林 ({@link Magnitudes#HARDSHIP_ON_FILE_MEDIAN}, about 25 % lifted out a year). The first
 * period's file is a snapshot of the whole register: every case on file at the start (filed in earlier years), with
 * its state at the period's end, and the cases filed in the period. A county that reports its register by a
 * balance instead ({@code hardship_on_file} as at the day before the first period) lists its earlier cases only
 * when they are lifted out, closed or assisted. Later files list the cases filed in the period, the cases lifted
 * out or closed in it, and the on-file cases that received assistance (送温暖 before the Spring Festival, 金秋助学
 * for schooling in late summer, help through the year).
 */
final class HardshipGenerator {

    private static final String[] CAUSES = {
        "illness", "disability", "education", "unemployment", "single_parent", "disaster", "other"
    };
    private static final double[] CAUSE_WEIGHTS = {0.38, 0.17, 0.15, 0.12, 0.08, 0.04, 0.06};
    private static final double[] HOUSEHOLD_WEIGHTS = {0.05, 0.15, 0.35, 0.25, 0.12, 0.05, 0.02, 0.01};
    /** Lift-outs by quarter of the year: most at the year's end (年底脱困验收). Mean 1. */
    private static final double[] LIFT_OUT_SEASON = {0.8, 0.95, 0.95, 1.3};
    /** Filings by quarter: most before the Spring Festival (送温暖 摸底). Mean 1. */
    private static final double[] FILING_SEASON = {1.1, 0.8, 0.8, 1.3};
    /** Mean age of a case on file at the start, in days (a register that turns over in a few years). */
    private static final double MEAN_CASE_AGE_DAYS = 900;
    private static final LocalDate OLDEST_FILING = LocalDate.of(2014, 1, 1);

    private final long seed;
    private final List<Period> periods;
    private final double density;

    /** @param density how much the run is thinned against the calibration (1 for the named scales) */
    HardshipGenerator(long seed, List<Period> periods, double density) {
        this.seed = seed;
        this.periods = periods;
        this.density = density;
    }

    /**
     * A county's hardship files.
     *
     * @param casesByPeriod hardship_cases rows per period
     * @param onFileAtStart cases on file the day before the first period
     */
    record Result(List<List<Map<String, Object>>> casesByPeriod, long onFileAtStart) {}

    private static final class Case {
        final String id;
        final String orgCode;
        final LocalDate filedOn;
        final String cause;
        final int householdSize;
        final String headId;
        String status = "on_file";
        LocalDate liftedOutOn;

        Case(String id, String orgCode, LocalDate filedOn, String cause, int householdSize, String headId) {
            this.id = id;
            this.orgCode = orgCode;
            this.filedOn = filedOn;
            this.cause = cause;
            this.householdSize = householdSize;
            this.headId = headId;
        }
    }

    /** @param balance the county reports its register at the start by a balance, not by a snapshot */
    Result generate(CountyOrgs orgs, boolean balance) {
        Rng rng = Rng.of(seed, "hardship", orgs.code());
        String county = orgs.code();
        int[] next = {0};
        List<Case> onFile = new ArrayList<>();
        LocalDate opening = periods.get(0).start().minusDays(1);
        long initial = Magnitudes.hardshipOnFile(orgs.weight(), density, rng);
        for (int i = 0; i < initial; i++) {
            onFile.add(newCase(county, filedBefore(opening, rng), next, rng));
        }
        onFile.sort(Comparator.comparing((Case c) -> c.filedOn).thenComparing(c -> c.id));
        List<List<Map<String, Object>>> byPeriod = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            Period period = periods.get(p);
            boolean snapshot = p == 0 && !balance;
            double liftOut = Magnitudes.HARDSHIP_LIFT_OUT_PER_QUARTER * season(period, LIFT_OUT_SEASON);
            double close = Magnitudes.HARDSHIP_CLOSE_PER_QUARTER * period.type().months() / 3.0;
            double filing = Magnitudes.HARDSHIP_FILED_PER_QUARTER * season(period, FILING_SEASON);
            boolean springFestival = Seasons.springFestival(period);
            boolean autumnAid = Seasons.autumnAid(period);
            List<Map<String, Object>> rows = new ArrayList<>();
            List<Case> stillOnFile = new ArrayList<>(onFile.size());
            for (Case c : onFile) {
                double x = rng.nextDouble();
                if (x < liftOut) {
                    c.status = "lifted_out";
                    c.liftedOutOn = rng.workday(max(period.start(), c.filedOn), period.end());
                } else if (x < liftOut + close) {
                    c.status = "closed";
                }
                Long assistance = assistance(c, springFestival, autumnAid, rng);
                if (snapshot || !c.status.equals("on_file") || assistance != null) {
                    rows.add(row(c, assistance, rng));
                }
                if (c.status.equals("on_file")) {
                    stillOnFile.add(c);
                }
            }
            int fresh = rng.poisson(onFile.size() * filing + 0.3);
            for (int i = 0; i < fresh; i++) {
                Case c = newCase(county, rng.workday(period.start(), period.end()), next, rng);
                Long assistance = rng.chance(0.7) ? amount(c, springFestival, autumnAid, rng) : null;
                rows.add(row(c, assistance, rng));
                stillOnFile.add(c);
            }
            onFile = stillOnFile;
            byPeriod.add(rows);
        }
        return new Result(byPeriod, initial);
    }

    /** The period's share of a quarterly rate, by the quarters its months fall in. */
    private static double season(Period period, double[] byQuarter) {
        double f = 0;
        for (LocalDate d = period.start(); !d.isAfter(period.end()); d = d.plusMonths(1)) {
            f += byQuarter[(d.getMonthValue() - 1) / 3] / 3;
        }
        return f;
    }

    /** A filing date of a case still on file at the opening date: recent cases are more common. */
    private static LocalDate filedBefore(LocalDate opening, Rng rng) {
        long days = Math.round(-MEAN_CASE_AGE_DAYS * Math.log(1 - rng.nextDouble()));
        LocalDate d = opening.minusDays(days);
        if (d.isBefore(OLDEST_FILING)) {
            d = rng.date(OLDEST_FILING, opening);
        }
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.minusDays(1);
            case SUNDAY -> d.minusDays(2);
            default -> d;
        };
    }

    private Case newCase(String county, LocalDate filed, int[] next, Rng rng) {
        String id = String.format("KN%s-%05d", county, ++next[0]);
        String cause = CAUSES[rng.weighted(CAUSE_WEIGHTS)];
        int household = rng.weighted(HOUSEHOLD_WEIGHTS) + 1;
        if (cause.equals("single_parent")) {
            household = Math.max(2, Math.min(household, 4));
        }
        int headBirthYear = rng.between(1958, 1996);
        boolean male = rng.chance(cause.equals("single_parent") ? 0.2 : 0.6);
        String head = IdNumbers.generate(county, IdNumbers.birthday(headBirthYear, rng), male, rng);
        return new Case(id, county, filed, cause, household, head);
    }

    /** The amount given to an on-file case in the period, or null when it received nothing. */
    private static Long assistance(Case c, boolean springFestival, boolean autumnAid, Rng rng) {
        double p = springFestival ? 0.25 : 0.03;
        if (autumnAid && c.cause.equals("education")) {
            p = 0.85;
        }
        return rng.chance(p) ? amount(c, springFestival, autumnAid, rng) : null;
    }

    private static long amount(Case c, boolean springFestival, boolean autumnAid, Rng rng) {
        if (rng.chance(0.03) && (c.cause.equals("illness") || c.cause.equals("disaster"))) {
            return rng.between(10, 30) * 1000L; // 大病救助: written 1.2万 now and then
        }
        if (autumnAid && c.cause.equals("education")) {
            return rng.pick(new Long[] {1000L, 2000L, 2000L, 3000L, 5000L});
        }
        double median = springFestival ? 1500 : 1200;
        long v = Math.round(rng.logNormal(median, 0.45) / 100) * 100;
        return Math.max(200, Math.min(8000, v));
    }

    private static Map<String, Object> row(Case c, Long assistance, Rng rng) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case_id", c.id);
        row.put("org_code", c.orgCode);
        row.put("filed_on", c.filedOn);
        row.put("cause", new Label(c.cause));
        row.put("household_size", (long) c.householdSize);
        row.put("status", new Label(c.status));
        row.put("lifted_out_on", c.liftedOutOn);
        Object amount = assistance;
        if (assistance != null && assistance >= 10_000 && ChineseNumberFormatter.fitsWan(assistance) && rng.chance(0.5)) {
            amount = ChineseNumberFormatter.wan(assistance);
        }
        row.put("assistance_cny", amount);
        row.put("head_id_number", c.headId);
        return row;
    }


    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
