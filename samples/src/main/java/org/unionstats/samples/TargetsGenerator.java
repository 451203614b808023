package org.unionstats.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;
import org.unionstats.regions.Region;

/**
 * The target letters (目标任务书, as 定西 sends its counties) of the federations above the counties. Every year, in the
 * folder of the year's first period: each province sets its cities' targets (members joined, families lifted out,
 * competition entrants, members at the year's end), each city its counties' (the same flows); a municipality, whose
 * districts have no city above them, sets theirs itself. Cities that write a quarterly guidance letter as 秦皇岛 does
 * (季度指导书: always 秦皇岛, and about a third of the others) also set each county's joins for each quarter, in that
 * quarter's folder.
 *
 * <p>A target is set on what the union will achieve ({@link Achieved}) divided by an attainment drawn around 100 %
 * (triangular between {@value #LOW_ATTAINMENT} and {@value #HIGH_ATTAINMENT}; members at the year's end within
 * {@value #STOCK_SPREAD} of it) and rounded as letters write figures, so attainment lands around 70–130 % where the
 * county reports. A county that sends nothing was given targets all the same, on its size: its members at the start
 * times what the reporting counties achieved per member. A county that misses a period falls short of its targets.
 */
final class TargetsGenerator {

    static final double LOW_ATTAINMENT = 0.75;
    static final double HIGH_ATTAINMENT = 1.25;
    static final double STOCK_SPREAD = 0.03;
    static final double QUARTERLY_LETTER_SHARE = 1 / 3.0;
    /** The city whose quarterly guidance letter (季度指导书) is the seed's. */
    static final String QINHUANGDAO = "130300";

    private static final List<String> CITY_KPIS = List.of(Achieved.MEMBERS_JOINED, Achieved.LIFTED_OUT, Achieved.ENTRANTS);
    private static final List<String> PROVINCE_KPIS = List.of(Achieved.MEMBERS_JOINED, Achieved.LIFTED_OUT, Achieved.ENTRANTS,
            Achieved.MEMBERS_END);

    private final long seed;
    private final List<Period> periods;
    private final Catalog catalog;

    TargetsGenerator(long seed, List<Period> periods, Catalog catalog) {
        this.seed = seed;
        this.periods = periods;
        this.catalog = catalog;
    }

    /**
     * @param counties every county-level unit in scope, silent ones included
     * @param achieved what each county's unions achieved (nothing for the silent ones)
     * @return one group per issuer and period folder
     */
    List<Group> letters(List<CountyOrgs> counties, Achieved achieved) {
        Expected expected = new Expected(counties, achieved);
        Map<Letter, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        Map<String, List<String>> countiesByIssuer = new TreeMap<>();
        Map<String, String> issuerOfCity = new TreeMap<>();
        for (CountyOrgs c : counties) {
            Region county = c.county();
            String issuer = county.cityCode() != null ? county.cityCode() : county.provinceCode();
            countiesByIssuer.computeIfAbsent(issuer, k -> new ArrayList<>()).add(c.code());
            if (county.cityCode() != null && county.provinceCode() != null) {
                issuerOfCity.put(county.cityCode(), county.provinceCode());
            }
        }
        for (int y = 0; y < periods.size(); y++) {
            Period first = periods.get(y);
            if (y > 0 && periods.get(y - 1).year() == first.year()) {
                continue;
            }
            Period year = Period.year(first.year());
            int folder = y;
            countiesByIssuer.forEach((issuer, codes) -> {
                for (String county : codes) {
                    for (String kpi : CITY_KPIS) {
                        row(groups, issuer, folder, county, kpi, year, expected.of(List.of(county), kpi, year));
                    }
                }
            });
            issuerOfCity.forEach((city, province) -> {
                for (String kpi : PROVINCE_KPIS) {
                    row(groups, province, folder, city, kpi, year, expected.of(countiesByIssuer.get(city), kpi, year));
                }
            });
        }
        for (int q = 0; q < periods.size(); q++) {
            Period quarter = periods.get(q);
            if (quarter.type() != PeriodType.QUARTER) {
                continue;
            }
            int folder = q;
            countiesByIssuer.forEach((issuer, codes) -> {
                if (writesQuarterlyLetters(issuer)) {
                    codes.forEach(county -> row(groups, issuer, folder, county, Achieved.MEMBERS_JOINED, quarter,
                            expected.of(List.of(county), Achieved.MEMBERS_JOINED, quarter)));
                }
            });
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((letter, rows) -> out.add(new Group(letter.issuer(), periods.get(letter.folder()), letter.folder(),
                RecordType.TARGETS, List.copyOf(rows))));
        return out;
    }

    /** One issuer's letter in one period's folder. */
    private record Letter(String issuer, int folder) {}

    private boolean writesQuarterlyLetters(String city) {
        return city.equals(QINHUANGDAO) || Rng.of(seed, "quarterly-letters", city).chance(QUARTERLY_LETTER_SHARE);
    }

    /** Adds the target of one union, KPI and period to the issuer's letter in the folder's period. */
    private void row(Map<Letter, List<Map<String, Object>>> groups, String issuer, int folder, String org, String kpi, Period target, double expected) {
        Rng rng = Rng.of(seed, "target", issuer, org, kpi, target.canonical());
        boolean stock = kpi.equals(Achieved.MEMBERS_END);
        double attainment = stock ? 1 + STOCK_SPREAD * (2 * rng.nextDouble() - 1)
                : LOW_ATTAINMENT + (HIGH_ATTAINMENT - LOW_ATTAINMENT) * (rng.nextDouble() + rng.nextDouble()) / 2;
        long value = rounded(expected / attainment);
        if (value <= 0) {
            return; // nothing to expect (a county that lifts no family out in a year): no line in the letter
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("issuer_code", issuer);
        row.put("org_code", org);
        row.put("kpi_id", rng.pick(catalog.kpiNames(kpi)));
        row.put("target_period", spelled(target, rng));
        row.put("target_value", written(value, kpi, rng));
        row.put("unit", null);
        row.put("qualifier", null);
        groups.computeIfAbsent(new Letter(issuer, folder), k -> new ArrayList<>()).add(row);
    }

    /** Figures as letters round them: two or three significant digits, at least 1. */
    static long rounded(double value) {
        if (value < 0.5) {
            return 0;
        }
        double step = value < 20 ? 1 : value < 200 ? 5 : value < 2_000 ? 10 : value < 20_000 ? 100 : value < 200_000 ? 1_000 : 10_000;
        return Math.max(1, Math.round(value / step) * (long) step);
    }

    private static String spelled(Period period, Rng rng) {
        double x = rng.nextDouble();
        if (period.type() == PeriodType.YEAR) {
            return x < 0.5 ? period.canonical() : x < 0.8 ? period.year() + "年" : period.year() + "年度";
        }
        return x < 0.6 ? period.canonical() : period.year() + "年第" + "一二三四".charAt(period.index() - 1) + "季度";
    }

    private static Object written(long value, String kpi, Rng rng) {
        double x = rng.nextDouble();
        if (x < 0.1 && value >= 10_000 && ChineseNumberFormatter.fitsWan(value)) {
            return ChineseNumberFormatter.wan(value);
        }
        if (x < 0.2) {
            return value + (kpi.equals(Achieved.LIFTED_OUT) ? "户" : "人");
        }
        return value;
    }

    /**
     * What the issuer expects of a set of counties: what they achieve, and for a county that sends nothing an estimate
     * from its size.
     */
    private static final class Expected {

        private final List<CountyOrgs> counties;
        private final Achieved achieved;
        private final Map<String, CountyOrgs> byCode = new TreeMap<>();

        Expected(List<CountyOrgs> counties, Achieved achieved) {
            this.counties = counties;
            this.achieved = achieved;
            counties.forEach(c -> byCode.put(c.code(), c));
        }

        double of(List<String> codes, String kpi, Period period) {
            double total = 0;
            for (String code : codes) {
                total += achieved.has(code) ? achieved.get(code, kpi, period) : byCode.get(code).openingMembers() * perMember(kpi, period);
            }
            return total;
        }

        /** The reporting counties' figure per member at the start. */
        private double perMember(String kpi, Period period) {
            double value = 0;
            double members = 0;
            for (CountyOrgs c : counties) {
                if (achieved.has(c.code())) {
                    value += achieved.get(c.code(), kpi, period);
                    members += c.openingMembers();
                }
            }
            return members == 0 ? 0 : value / members;
        }
    }
}
