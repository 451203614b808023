package org.unionstats.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.unionstats.period.Period;
import org.unionstats.regions.Region;

/**
 * Labour, skills and innovation competitions organised by a province, city or county union, and the entries of
 * enterprises from the county-level units below the organiser: enterprise unions and the small firms of the joint
 * unions. Magnitudes follow 吉林's 2021 wave (seed 001: 14 855 enterprises, 114万 entrants in a year): entries in
 * proportion to a county's members, some 60 – 100 entrants per labour-competition team, so that entrants come to
 * 10 – 20 per 100 members a year.
 */
final class CompetitionGenerator {

    /** What one organiser produced. */
    record Output(Map<Integer, List<Map<String, Object>>> competitionsByPeriod, List<Batch> entryBatches) {}

    /** Entry rows that one submitter reports in one period. */
    record Batch(String submitter, int periodIndex, List<Map<String, Object>> rows) {}

    private final long seed;
    private final List<Period> periods;
    private final double density;

    CompetitionGenerator(long seed, List<Period> periods, double density) {
        this.seed = seed;
        this.periods = periods;
        this.density = density;
    }

    /**
     * @param organiser the organising federation's region
     * @param level contract code of the competition level: province, city or county
     * @param counties the in-scope county-level units whose enterprises may enter
     */
    Output generate(Region organiser, String level, List<CountyOrgs> counties) {
        Rng rng = Rng.of(seed, "competitions", organiser.code());
        Map<Integer, List<Map<String, Object>>> competitions = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> entriesBySubmitterPeriod = new LinkedHashMap<>();
        Map<Integer, Integer> sequence = new HashMap<>();
        LocalDate windowStart = periods.get(0).start();
        LocalDate windowEnd = periods.get(periods.size() - 1).end();
        TreeSet<Integer> years = new TreeSet<>();
        periods.forEach(p -> years.add(p.year()));
        for (int year : years) {
            int count = switch (level) {
                case "province" -> rng.between(1, 2);
                case "city" -> rng.between(2, 3);
                default -> rng.chance(0.35) ? 1 : 0;
            };
            for (int i = 0; i < count; i++) {
                // Every province and city runs its yearly labour competition (重点工程劳动竞赛); the others vary.
                String kind = i == 0 && !level.equals("county") ? "labour" : kind(rng);
                LocalDate start = rng.workday(max(LocalDate.of(year, 2, 15), windowStart), min(LocalDate.of(year, 11, 15), windowEnd));
                if (start.isAfter(windowEnd) || start.isBefore(windowStart)) {
                    continue;
                }
                int months = switch (kind) {
                    case "labour" -> rng.between(3, 9);
                    case "skills" -> rng.between(1, 3);
                    default -> rng.between(2, 6);
                };
                LocalDate end = start.plusMonths(months).minusDays(rng.between(0, 20));
                int startPeriod = periodIndex(start);
                int entryPeriod = end.isAfter(windowEnd) ? periods.size() - 1 : periodIndex(end);
                int n = sequence.merge(startPeriod, 1, Integer::sum);
                String id = String.format("C%s-%s-%02d", organiser.code(), periods.get(startPeriod).canonical(), n);
                long items = switch (kind) {
                    case "skills" -> rng.between(1, level.equals("province") ? 20 : 10);
                    case "labour" -> rng.between(1, 5);
                    default -> rng.between(1, 4);
                };
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("competition_id", id);
                row.put("organiser_org_code", organiser.code());
                row.put("name", name(organiser.name(), year, kind, rng));
                row.put("kind", new Label(kind));
                row.put("level", new Label(level));
                row.put("start_date", start);
                row.put("end_date", end);
                row.put("items", items);
                competitions.computeIfAbsent(startPeriod, k -> new ArrayList<>()).add(row);

                boolean awarded = !end.isAfter(windowEnd);
                boolean countiesSubmit = !level.equals("county") && rng.chance(0.3);
                double perCounty = switch (kind) {
                    case "labour" -> Magnitudes.LABOUR_ENTRIES_PER_40K;
                    case "skills" -> Magnitudes.SKILLS_ENTRIES_PER_40K;
                    default -> Magnitudes.INNOVATION_ENTRIES_PER_40K;
                } * density;
                for (CountyOrgs county : counties) {
                    List<Entrant> candidates = candidates(county, startPeriod);
                    int k = Math.min(candidates.size(), rng.poisson(perCounty * county.openingMembers() / 40_000.0));
                    rng.shuffle(candidates);
                    String submitter = countiesSubmit ? county.code() : organiser.code();
                    for (Entrant e : candidates.subList(0, k)) {
                        entriesBySubmitterPeriod.computeIfAbsent(submitter + "|" + entryPeriod, x -> new ArrayList<>())
                                .add(entry(id, kind, organiser, e, awarded, rng));
                    }
                }
            }
        }
        List<Batch> batches = new ArrayList<>();
        entriesBySubmitterPeriod.forEach((key, rows) -> {
            int bar = key.indexOf('|');
            batches.add(new Batch(key.substring(0, bar), Integer.parseInt(key.substring(bar + 1)), rows));
        });
        return new Output(competitions, batches);
    }

    private static String kind(Rng rng) {
        double x = rng.nextDouble();
        return x < 0.5 ? "labour" : x < 0.85 ? "skills" : "innovation";
    }

    private static String name(String organiser, int year, String kind, Rng rng) {
        return switch (kind) {
            case "labour" -> year + "年" + organiser + rng.pick(Names.COMPETITION_THEMES)
                    + (rng.chance(0.5) ? "重点工程劳动竞赛" : "劳动竞赛");
            case "skills" -> rng.chance(0.6)
                    ? year + "年" + organiser + "职工职业技能大赛（" + rng.pick(Names.SKILLS) + "）"
                    : organiser + "第" + rng.between(2, 12) + "届职工劳动技能竞赛";
            default -> year + "年" + organiser + "职工“五小”技术创新竞赛";
        };
    }

    /** An enterprise that may enter: an enterprise union (with its members), or a small firm of a joint union. */
    private record Entrant(String orgCode, String creditCode, long members) {}

    /** Every enterprise union declared by the period, and the small firms of the joint unions, in a stable order. */
    private static List<Entrant> candidates(CountyOrgs county, int periodIndex) {
        List<Entrant> out = new ArrayList<>();
        for (OrgUnit u : county.enterprises(periodIndex)) {
            out.add(new Entrant(u.code(), u.creditCode(), Math.max(u.members(), Math.min(u.workforce(), 30))));
        }
        for (CountyOrgs.SmallFirm f : county.smallFirms()) {
            out.add(new Entrant(f.orgCode(), f.creditCode(), -1));
        }
        return out;
    }

    /**
     * One entry. Labour competitions take whole teams (a share of an enterprise union's members, or a small firm's
     * team of some 75); skills competitions mostly single workers; innovation contests workers or small groups.
     */
    private static Map<String, Object> entry(String competitionId, String kind, Region organiser, Entrant e,
            boolean awarded, Rng rng) {
        boolean individual = switch (kind) {
            case "skills" -> rng.chance(0.85);
            case "innovation" -> rng.chance(0.5);
            default -> rng.chance(0.05);
        };
        long entrants;
        if (individual) {
            entrants = 1;
        } else if (kind.equals("labour")) {
            entrants = e.members() > 0
                    ? Math.max(3, Math.min(1000, Math.round(e.members() * (0.1 + 0.4 * rng.nextDouble()))))
                    : Math.max(3, Math.min(800, Math.round(rng.logNormal(Magnitudes.SMALL_FIRM_ENTRANTS_MEDIAN, 0.8))));
        } else {
            entrants = Math.max(2, Math.min(40, Math.round(rng.logNormal(kind.equals("skills") ? 12 : 6, 0.5))));
        }
        String award = awarded ? award(rng) : "none";
        String title = null;
        if (individual && kind.equals("skills") && award.equals("first") && rng.chance(0.5)) {
            title = (rng.chance(0.5) ? Names.shortName(organiser.name()) : "") + "技术能手";
        } else if (individual && (award.equals("first") || award.equals("second")) && rng.chance(0.06)) {
            title = "五一劳动奖章";
        } else if (!individual && award.equals("first") && rng.chance(0.3)) {
            title = "工人先锋号";
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("competition_id", competitionId);
        row.put("org_code", e.orgCode());
        row.put("enterprise_credit_code", e.creditCode());
        row.put("worker_id", individual ? "W" + e.orgCode().replace("-", "") + String.format("%03d", rng.between(1, 80)) : null);
        row.put("entrants", entrants);
        row.put("award", new Label(award));
        row.put("title", title);
        return row;
    }

    private static String award(Rng rng) {
        double x = rng.nextDouble();
        return x < 0.025 ? "first" : x < 0.07 ? "second" : x < 0.13 ? "third" : x < 0.22 ? "merit" : "none";
    }

    private int periodIndex(LocalDate date) {
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i).contains(date)) {
                return i;
            }
        }
        return date.isBefore(periods.get(0).start()) ? 0 : periods.size() - 1;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
