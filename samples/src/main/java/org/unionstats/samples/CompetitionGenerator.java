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
 * enterprises from the county-level units below the organiser. Magnitudes follow 吉林's 2021 wave: a province
 * competition draws a few enterprises from each county, so thousands of enterprises country-wide.
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
                String kind = kind(rng);
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
                double perCounty = switch (level) {
                    case "province" -> 2.5;
                    case "city" -> 2.0;
                    default -> 8.0;
                } * density;
                for (CountyOrgs county : counties) {
                    List<OrgUnit> enterprises = new ArrayList<>(county.enterprises(startPeriod));
                    int k = Math.min(enterprises.size(), rng.poisson(perCounty));
                    rng.shuffle(enterprises);
                    String submitter = countiesSubmit ? county.code() : organiser.code();
                    for (OrgUnit enterprise : enterprises.subList(0, k)) {
                        entriesBySubmitterPeriod.computeIfAbsent(submitter + "|" + entryPeriod, x -> new ArrayList<>())
                                .add(entry(id, kind, level, organiser, enterprise, awarded, rng));
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

    private static Map<String, Object> entry(String competitionId, String kind, String level, Region organiser,
            OrgUnit enterprise, boolean awarded, Rng rng) {
        boolean individual = switch (kind) {
            case "skills" -> rng.chance(0.85);
            case "innovation" -> rng.chance(0.5);
            default -> rng.chance(0.05);
        };
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
        row.put("org_code", enterprise.code());
        row.put("enterprise_credit_code", enterprise.creditCode());
        row.put("worker_id", individual ? "W" + enterprise.code().replace("-", "") + String.format("%03d", rng.between(1, 80)) : null);
        row.put("entrants", individual ? 1L : (long) Math.max(10, Math.min(300, Math.round(rng.logNormal(55, 0.7)))));
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
