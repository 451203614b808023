package org.unionstats.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.period.Period;

/**
 * The register of hardship families (困难职工家庭档案) of one county, calibrated on 榆林: about 4 360 families on
 * file across a city of some 12 county-level units, 15–20 % lifted out of hardship per year. Each period's file
 * lists the cases filed in the period, the cases lifted out or closed in it, and the on-file cases that received
 * assistance (送温暖 before the Spring Festival, 金秋助学 for schooling in late summer, help through the year).
 */
final class HardshipGenerator {

    /** Families on file in an ordinary county (榆林: 4360 / 12 units ≈ 360, for a weight of about 1.3). */
    static final double CASES_PER_WEIGHT = 280;

    private static final String[] CAUSES = {
        "illness", "disability", "education", "unemployment", "single_parent", "disaster", "other"
    };
    private static final double[] CAUSE_WEIGHTS = {0.38, 0.17, 0.15, 0.12, 0.08, 0.04, 0.06};
    private static final double[] HOUSEHOLD_WEIGHTS = {0.05, 0.15, 0.35, 0.25, 0.12, 0.05, 0.02, 0.01};

    private final long seed;
    private final List<Period> periods;
    private final double density;

    /** @param density how much the run is scaled against the calibration (1 for the named scales) */
    HardshipGenerator(long seed, List<Period> periods, double density) {
        this.seed = seed;
        this.periods = periods;
        this.density = density;
    }

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

    List<List<Map<String, Object>>> generate(CountyOrgs orgs) {
        Rng rng = Rng.of(seed, "hardship", orgs.code());
        String county = orgs.code();
        int[] next = {0};
        List<Case> onFile = new ArrayList<>();
        LocalDate firstStart = periods.get(0).start();
        int initial = Math.max(2, (int) Math.round(CASES_PER_WEIGHT * orgs.weight() * density * rng.logNormal(1.0, 0.2)));
        for (int i = 0; i < initial; i++) {
            LocalDate filed = rng.workday(LocalDate.of(2014, 1, 1), firstStart.minusDays(1));
            onFile.add(newCase(orgs, county, filed, 0, next, rng));
        }
        List<List<Map<String, Object>>> byPeriod = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            Period period = periods.get(p);
            double quarters = period.type().months() / 3.0;
            boolean springFestival = Seasons.springFestival(period);
            boolean autumnAid = Seasons.autumnAid(period);
            List<Map<String, Object>> rows = new ArrayList<>();
            List<Case> stillOnFile = new ArrayList<>(onFile.size());
            for (Case c : onFile) {
                double x = rng.nextDouble();
                if (x < 0.047 * quarters) {
                    c.status = "lifted_out";
                    c.liftedOutOn = rng.workday(max(period.start(), c.filedOn), period.end());
                } else if (x < 0.055 * quarters) {
                    c.status = "closed";
                }
                Long assistance = assistance(c, springFestival, autumnAid, rng);
                if (!c.status.equals("on_file") || assistance != null) {
                    rows.add(row(c, assistance, rng));
                }
                if (c.status.equals("on_file")) {
                    stillOnFile.add(c);
                }
            }
            int fresh = rng.poisson(onFile.size() * 0.03 * quarters + 0.3);
            for (int i = 0; i < fresh; i++) {
                Case c = newCase(orgs, county, rng.workday(period.start(), period.end()), p, next, rng);
                Long assistance = rng.chance(0.7) ? amount(c, springFestival, autumnAid, rng) : null;
                rows.add(row(c, assistance, rng));
                stillOnFile.add(c);
            }
            onFile = stillOnFile;
            byPeriod.add(rows);
        }
        return byPeriod;
    }

    private Case newCase(CountyOrgs orgs, String county, LocalDate filed, int p, int[] next, Rng rng) {
        List<OrgUnit> active = orgs.activeOn(filed, p);
        String id = String.format("KN%s-%05d", county, ++next[0]);
        String cause = CAUSES[rng.weighted(CAUSE_WEIGHTS)];
        int household = rng.weighted(HOUSEHOLD_WEIGHTS) + 1;
        if (cause.equals("single_parent")) {
            household = Math.max(2, Math.min(household, 4));
        }
        int headBirthYear = rng.between(1958, 1996);
        boolean male = rng.chance(cause.equals("single_parent") ? 0.2 : 0.6);
        String head = IdNumbers.generate(county, IdNumbers.birthday(headBirthYear, rng), male, rng);
        return new Case(id, rng.pick(active).code(), filed, cause, household, head);
    }

    /** The amount given to an on-file case in the period, or null when it received nothing. */
    private static Long assistance(Case c, boolean springFestival, boolean autumnAid, Rng rng) {
        double p = springFestival ? 0.35 : 0.06;
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
