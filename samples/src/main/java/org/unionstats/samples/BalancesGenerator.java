package org.unionstats.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A county's 存量报告 (balances): the members on every basic-level union's register the day before the first
 * period (the opening balances), the same at every later year's start (as at the year's end, in the folder of the
 * period that starts the new year), and, for counties that report their hardship register by a figure rather than a
 * snapshot, the families on file at the start. A year-end figure is the opening balance plus the events up to that
 * day, except for the few unions whose clerk miscounts ({@link MistakeInjector#misreportedBalance}).
 */
final class BalancesGenerator {

    private final long seed;
    private final double mismatchRate;

    /** @param mistakeRate the run's share of rows with a mistake; miscounted year-end balances follow it */
    BalancesGenerator(long seed, double mistakeRate) {
        this.seed = seed;
        this.mismatchRate = MistakeInjector.balanceMismatchRate(mistakeRate);
    }

    /** Rows of one balances file and how many of them are miscounted. */
    record Rows(List<Map<String, Object>> rows, int mismatches) {}

    /** The opening member balances of the county's initial unions. */
    List<Map<String, Object>> opening(CountyOrgs orgs, LocalDate asOf) {
        Rng rng = Rng.of(seed, "balances", orgs.code(), asOf.toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OrgUnit u : orgs.initial()) {
            rows.add(row(u.code(), "members", asOf, u.members(), rng));
        }
        return rows;
    }

    /** The member balances at a year's end: the stock of every union then, now and then miscounted. */
    Rows yearEnd(String county, Map<String, Long> stocks, LocalDate asOf) {
        Rng rng = Rng.of(seed, "balances", county, asOf.toString());
        Rng mistakes = Rng.of(seed, "balance-mismatch", county, asOf.toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        int mismatches = 0;
        for (Map.Entry<String, Long> e : stocks.entrySet()) {
            long value = e.getValue();
            if (mismatchRate > 0 && mistakes.chance(mismatchRate)) {
                value = MistakeInjector.misreportedBalance(value, mistakes);
                mismatches++;
            }
            rows.add(row(e.getKey(), "members", asOf, value, rng));
        }
        return new Rows(rows, mismatches);
    }

    /** The families on the county's hardship register at the opening date, under the code the cases use. */
    Map<String, Object> hardshipOnFile(String orgCode, LocalDate asOf, long families) {
        return row(orgCode, "hardship_on_file", asOf, families, Rng.of(seed, "balances", orgCode, "hardship", asOf.toString()));
    }

    /** A row; the count mostly as a plain number, now and then with its unit (1280人, 36户) or in full-width digits. */
    private static Map<String, Object> row(String org, String type, LocalDate asOf, long value, Rng rng) {
        Object written = value;
        double x = rng.nextDouble();
        if (x < 0.05) {
            written = value + (type.equals("members") ? (rng.chance(0.7) ? "人" : "名") : "户");
        } else if (x < 0.07) {
            written = ChineseNumberFormatter.fullWidth(Long.toString(value));
        } else if (x < 0.09 && ChineseNumberFormatter.fitsWan(value)) {
            written = ChineseNumberFormatter.wan(value);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("org_code", org);
        row.put("balance_type", new Label(type));
        row.put("as_of", asOf);
        row.put("value", written);
        row.put("qualifier", null);
        return row;
    }
}
