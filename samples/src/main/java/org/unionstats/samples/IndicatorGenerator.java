package org.unionstats.samples;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.contract.Indicator;
import org.unionstats.period.Period;

/**
 * A county's indicator report per period: one row per indicator of the catalogue, with plausible magnitudes
 * (stocks grow slowly; 金秋助学 is paid mostly in the third quarter; the spring jobs campaign fills the first), some
 * written the Chinese way ({@code 1.7万}, {@code 5000余}, {@code 近3000万}) and the unit in Chinese or English.
 */
final class IndicatorGenerator {

    private final long seed;
    private final List<Period> periods;
    private final List<Indicator> indicators;

    IndicatorGenerator(long seed, List<Period> periods, List<Indicator> indicators) {
        this.seed = seed;
        this.periods = periods;
        this.indicators = indicators;
    }

    List<List<Map<String, Object>>> generate(CountyOrgs orgs) {
        Rng rng = Rng.of(seed, "indicators", orgs.code());
        double w = orgs.weight();
        Map<String, Double> stocks = new HashMap<>();
        List<List<Map<String, Object>>> byPeriod = new ArrayList<>();
        for (Period period : periods) {
            double quarters = period.type().months() / 3.0;
            boolean autumn = Seasons.autumnAid(period);
            boolean spring = Seasons.springJobs(period);
            boolean chineseNames = rng.chance(0.35);
            boolean chineseUnits = rng.chance(0.6);
            Map<String, Long> values = new LinkedHashMap<>();
            for (Indicator ind : indicators) {
                values.put(ind.id(), value(ind, w, orgs.openingMembers(), quarters, autumn, spring, stocks, values, rng));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Indicator ind : indicators) {
                long v = values.get(ind.id());
                if (v == 0 && !ind.isStock() && rng.chance(0.5)) {
                    continue; // nothing to report: some counties leave the line out, others write 0
                }
                rows.add(row(orgs.code(), ind, v, chineseNames, chineseUnits, rng));
            }
            byPeriod.add(rows);
        }
        return byPeriod;
    }

    private static long value(Indicator ind, double w, long members, double quarters, boolean autumn, boolean spring,
            Map<String, Double> stocks, Map<String, Long> soFar, Rng rng) {
        switch (ind.id()) {
            case "workforce": {
                // Employees of the county: its members over a membership rate of 78 – 90 %.
                double v = stocks.computeIfAbsent("workforce", k -> members / (0.78 + 0.12 * rng.nextDouble()));
                stocks.put("workforce", v * (1 + quarters * (0.002 + 0.012 * rng.nextDouble())));
                return Math.round(v);
            }
            case "service_stations": {
                double v = stocks.computeIfAbsent("service_stations", k -> (double) Math.round(w * rng.between(6, 30)));
                stocks.put("service_stations", v + rng.poisson(0.8 * quarters));
                return Math.round(v);
            }
            case "student_aid_recipients":
                return autumn ? Math.round(w * rng.logNormal(110, 0.4)) : rng.chance(0.2) ? rng.poisson(3) : 0;
            case "student_aid_cny": {
                long recipients = soFar.getOrDefault("student_aid_recipients", 0L);
                return recipients * rng.pick(new Long[] {1000L, 1500L, 2000L, 2000L, 3000L});
            }
            case "training_person_times":
                return Math.round(w * quarters * rng.logNormal(1500, 0.6));
            case "job_fairs":
                return rng.poisson(w * quarters * (spring ? 3.0 : 1.2));
            case "jobs_offered": {
                long fairs = soFar.getOrDefault("job_fairs", 0L);
                return Math.round(fairs * rng.logNormal(160, 0.5)) + (rng.chance(0.3) ? rng.poisson(30) : 0);
            }
            case "legal_aid_cases":
                return rng.poisson(5 * w * quarters);
            case "hotline_calls_12351":
                return Math.round(w * quarters * rng.logNormal(180, 0.5));
            case "innovation_items":
                return Math.round(w * quarters * rng.logNormal(35, 0.7));
            case "innovation_value_cny": {
                long items = soFar.getOrDefault("innovation_items", 0L);
                return Math.round(items * rng.logNormal(30_000, 1.0) / 1000) * 1000;
            }
            case "subsidised_loans_cny":
                return rng.chance(0.4) ? 0 : Math.round(w * quarters * rng.logNormal(1_500_000, 0.8) / 10_000) * 10_000;
            default:
                return fallback(ind, w, quarters, stocks, rng);
        }
    }

    /** Indicators added to the catalogue after this generator was written get a magnitude by unit. */
    private static long fallback(Indicator ind, double w, double quarters, Map<String, Double> stocks, Rng rng) {
        double median = switch (ind.unit()) {
            case "CNY" -> 200_000;
            case "persons", "person_times" -> 300;
            default -> 15;
        };
        if (ind.isStock()) {
            return Math.round(stocks.computeIfAbsent(ind.id(), k -> w * rng.logNormal(median, 0.4)));
        }
        return Math.round(w * quarters * rng.logNormal(median, 0.6));
    }

    private static Map<String, Object> row(String county, Indicator ind, long v, boolean chineseNames,
            boolean chineseUnits, Rng rng) {
        Object value = v;
        String qualifier = null;
        String unit = chineseUnits ? ind.unitZh() : ind.unit();
        double x = rng.nextDouble();
        if (v >= 1000 && x < 0.12) {
            long rounded = ChineseNumberFormatter.roundForReport(v);
            if (rounded != v) {
                boolean over = rounded < v;
                if (rng.chance(0.5)) {
                    value = ChineseNumberFormatter.qualified(rounded, over, rng.chance(0.7), rng.nextInt(3));
                } else {
                    value = rounded;
                    qualifier = over ? (chineseUnits ? "余" : "over") : (chineseUnits ? "近" : "nearly");
                }
            }
        } else if (v >= 10_000 && x < 0.24) {
            long rounded = ChineseNumberFormatter.roundForReport(v);
            value = ChineseNumberFormatter.fitsWan(rounded) ? ChineseNumberFormatter.wan(rounded) : rounded;
        } else if (v >= 100_000 && "CNY".equals(ind.unit()) && x < 0.4) {
            // Amounts in 万元: the unit says so and the value is divided.
            value = BigDecimal.valueOf(v).divide(BigDecimal.valueOf(10_000)).stripTrailingZeros().toPlainString();
            unit = "万元";
        } else if (x > 0.97) {
            value = ChineseNumberFormatter.fullWidth(Long.toString(v));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("org_code", county);
        row.put("indicator_id", chineseNames ? ind.zhName() : ind.id());
        row.put("value", value);
        row.put("unit", unit);
        row.put("qualifier", qualifier);
        return row;
    }
}
