package org.unionstats.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.unionstats.contract.Indicator;
import org.unionstats.contract.Indicators;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;

/**
 * Puts the mistakes county clerks really make into a share of a file's rows, and counts them by kind. The clean
 * rows are left untouched, so a corrected resubmission can carry them.
 */
final class MistakeInjector {

    static final String OUTSIDE_PERIOD = "event_date_outside_period";
    static final String IMPOSSIBLE_DATE = "impossible_date";
    static final String UNKNOWN_ORG = "unknown_org_code";
    static final String LABEL_TYPO = "label_typo";
    static final String DUPLICATE = "duplicate_row";
    static final String MISSING_REQUIRED = "missing_required";
    static final String BIRTH_YEAR = "birth_year_out_of_range";
    static final String LIFTED_BEFORE_FILED = "lifted_out_before_filed";
    static final String LIFTED_WITHOUT_DATE = "lifted_out_without_date";
    static final String BAD_CREDIT_CODE = "bad_credit_code";
    static final String UNIT_MISMATCH = "unit_mismatch";
    static final String UNKNOWN_INDICATOR = "unknown_indicator";
    /**
     * A year-end member balance that is not the opening balance plus the events: the clerk counted a few persons
     * (or a few percent) too many or too few. A data-level mistake: the row is valid, a correction carries it too, and
     * it is counted once per union, not per file.
     */
    static final String BALANCE_MISMATCH = "balance_mismatch";

    private static final Map<String, String> EVENT_TYPE_TYPOS = Map.of(
            "join", "人会", "leave", "退回", "transfer_in", "转人", "transfer_out", "转岀");
    private static final Map<String, String> CATEGORY_TYPOS = Map.of(
            "migrant", "农名工", "new_form", "新就业形态劳动着");
    private static final String[] ZH_UNITS = {"元", "人", "人次", "个", "场", "件", "次", "项", "户", "天", "%"};
    private static final String[] EN_UNITS = {"CNY", "persons", "person_times", "stations", "events", "jobs", "cases",
        "calls", "items", "households", "days"};
    private static final String[] UNKNOWN_INDICATORS = {
        "women_workers", "职工之家数", "worker_homes", "劳模创新工作室", "model_worker_studios", "职工书屋", "送温暖户数"
    };

    /** What a file actually carries. */
    record Result(List<Map<String, Object>> rows, Map<String, Long> counts) {
        boolean any() {
            return !counts.isEmpty();
        }
    }

    private final double rate;
    private final Catalog catalog;

    MistakeInjector(double rate, Catalog catalog) {
        this.rate = rate;
        this.catalog = catalog;
    }

    /** Mistakes in every column; see {@link #inject(Group, Rng, java.util.Collection)}. */
    Result inject(Group group, Rng rng) {
        return inject(group, rng, null);
    }

    /**
     * @param visibleColumns the columns the file will carry (null: all); mistakes go only where they can be seen
     */
    Result inject(Group group, Rng rng, Collection<String> visibleColumns) {
        List<Map<String, Object>> out = new ArrayList<>(group.rows().size() + 4);
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, Object> clean : group.rows()) {
            Map<String, Object> row = new LinkedHashMap<>(clean);
            if (rate > 0 && rng.chance(rate)) {
                List<String> kinds = applicable(group.type(), row);
                String kind = rng.pick(kinds);
                apply(kind, row, group, rng, visibleColumns);
                counts.merge(kind, 1L, Long::sum);
                if (kind.equals(DUPLICATE)) {
                    out.add(new LinkedHashMap<>(row));
                }
            }
            out.add(row);
        }
        return new Result(out, counts);
    }

    private static List<String> applicable(RecordType type, Map<String, Object> row) {
        return switch (type) {
            case MEMBER_EVENTS -> List.of(OUTSIDE_PERIOD, IMPOSSIBLE_DATE, UNKNOWN_ORG, LABEL_TYPO, DUPLICATE,
                    MISSING_REQUIRED, BIRTH_YEAR);
            case HARDSHIP_CASES -> List.of(IMPOSSIBLE_DATE, UNKNOWN_ORG, DUPLICATE, MISSING_REQUIRED,
                    LIFTED_BEFORE_FILED, LIFTED_WITHOUT_DATE);
            case COMPETITION_ENTRIES -> List.of(BAD_CREDIT_CODE, UNKNOWN_ORG, DUPLICATE, MISSING_REQUIRED);
            case INDICATOR_REPORTS -> List.of(UNIT_MISMATCH, UNKNOWN_INDICATOR, DUPLICATE, MISSING_REQUIRED);
            case ORG_UNITS, COMPETITIONS -> List.of(DUPLICATE); // others would cascade into unknown-org refusals
            case BALANCES -> List.of(DUPLICATE); // a wrong figure is the mistake a balance carries (BALANCE_MISMATCH)
            case TARGETS -> List.of(DUPLICATE); // a line copied twice; a wrong figure is the issuer's call
            case OPINIONS, FEEDBACK -> List.of(DUPLICATE); // words are the writer's call
        };
    }

    private void apply(String kind, Map<String, Object> row, Group group, Rng rng, Collection<String> visible) {
        Period period = group.period();
        switch (kind) {
            case DUPLICATE -> { }
            case OUTSIDE_PERIOD -> row.put("event_date", rng.chance(0.5)
                    ? period.start().minusDays(rng.between(1, 25))
                    : period.end().plusDays(rng.between(1, 25)));
            case IMPOSSIBLE_DATE -> {
                String column = group.type() == RecordType.MEMBER_EVENTS ? "event_date" : "filed_on";
                row.put(column, impossibleDate((LocalDate) row.get(column), rng));
            }
            case UNKNOWN_ORG -> {
                String org = (String) row.get("org_code");
                row.put("org_code", org.substring(0, 6) + "-" + rng.between(9900, 9999));
            }
            case LABEL_TYPO -> {
                String category = ((Label) row.get("worker_category")).code();
                boolean categoryShown = visible == null || visible.contains("worker_category");
                if (CATEGORY_TYPOS.containsKey(category) && categoryShown && rng.chance(0.4)) {
                    row.put("worker_category", CATEGORY_TYPOS.get(category));
                } else {
                    row.put("event_type", EVENT_TYPE_TYPOS.get(((Label) row.get("event_type")).code()));
                }
            }
            case MISSING_REQUIRED -> {
                List<String> required = new ArrayList<>();
                for (Catalog.Column c : catalog.columns(group.type())) {
                    if (c.required() && row.get(c.name()) != null) {
                        required.add(c.name());
                    }
                }
                row.put(rng.pick(required), "");
            }
            case BIRTH_YEAR -> {
                long year = (Long) row.get("birth_year");
                int eventYear = period.year();
                double x = rng.nextDouble();
                row.put("birth_year", x < 0.4 ? year % 100 : x < 0.7 ? (long) rng.between(1890, 1935)
                        : (long) (eventYear - rng.between(2, 10)));
            }
            case LIFTED_BEFORE_FILED -> {
                LocalDate filed = (LocalDate) row.get("filed_on");
                row.put("status", new Label("lifted_out"));
                row.put("lifted_out_on", filed.minusDays(rng.between(3, 400)));
            }
            case LIFTED_WITHOUT_DATE -> {
                row.put("status", new Label("lifted_out"));
                row.put("lifted_out_on", null);
            }
            case BAD_CREDIT_CODE -> row.put("enterprise_credit_code",
                    CreditCodes.withWrongCheck((String) row.get("enterprise_credit_code"), rng));
            case UNIT_MISMATCH -> row.put("unit", wrongUnit(row, rng));
            case UNKNOWN_INDICATOR -> row.put("indicator_id", rng.pick(UNKNOWN_INDICATORS));
            default -> throw new IllegalStateException("no such mistake kind: " + kind);
        }
    }

    /** Share of unions whose year-end balance is miscounted: 1.5 % at the default mistake rate of 2 %, 0 without mistakes. */
    static double balanceMismatchRate(double mistakeRate) {
        return Math.min(0.5, 0.75 * mistakeRate);
    }

    /**
     * A miscounted balance: off by a few persons for a small union, by 0.5 – 4 % for a bigger one, up or down;
     * never negative and never the true figure.
     */
    static long misreportedBalance(long actual, Rng rng) {
        long off = actual < 200 ? rng.between(1, 5) : Math.max(rng.between(2, 9), Math.round(actual * (0.005 + 0.035 * rng.nextDouble())));
        boolean down = rng.chance(0.5) && actual - off >= 0;
        return down ? actual - off : actual + off;
    }

    /** A day that does not exist, in the month of the given date's quarter that has fewer than 31 days. */
    static String impossibleDate(LocalDate near, Rng rng) {
        int year = near.getYear();
        int firstMonth = (near.getMonthValue() - 1) / 3 * 3 + 1;
        int month = firstMonth;
        for (int m = firstMonth; m < firstMonth + 3; m++) {
            if (LocalDate.of(year, m, 1).lengthOfMonth() < 31) {
                month = m;
                break;
            }
        }
        int day = month == 2 ? 30 : 31;
        return switch (rng.nextInt(4)) {
            case 0 -> String.format("%d/%d/%d", year, month, day);
            case 1 -> String.format("%d年%d月%d日", year, month, day);
            default -> String.format("%d-%02d-%02d", year, month, day);
        };
    }

    private String wrongUnit(Map<String, Object> row, Rng rng) {
        String written = String.valueOf(row.get("unit"));
        Indicator indicator = indicator(String.valueOf(row.get("indicator_id")));
        boolean chinese = !written.isEmpty() && written.codePointAt(0) > 0x2E80;
        String[] pool = chinese ? ZH_UNITS : EN_UNITS;
        for (int tries = 0; tries < 20; tries++) {
            String candidate = pool[rng.nextInt(pool.length)];
            if (indicator == null || Indicators.unitFactor(indicator, candidate).isEmpty()) {
                return candidate;
            }
        }
        return chinese ? "天" : "days";
    }

    private Indicator indicator(String idOrName) {
        for (Indicator i : catalog.indicators()) {
            if (i.id().equals(idOrName) || i.zhName().equals(idOrName)) {
                return i;
            }
        }
        return null;
    }
}
