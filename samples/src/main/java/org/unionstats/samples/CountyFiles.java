package org.unionstats.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;

/** Generates and writes everything one county union submits, period by period. */
final class CountyFiles {

    private final List<Period> periods;
    private final MemberEventsGenerator members;
    private final HardshipGenerator hardship;
    private final IndicatorGenerator indicators;
    private final CompetitionGenerator competitions;
    private final GroupWriter writer;

    CountyFiles(long seed, List<Period> periods, double[] periodShares, double density, Catalog catalog,
            GroupWriter writer, CompetitionGenerator competitions) {
        this.periods = periods;
        this.members = new MemberEventsGenerator(seed, periods, periodShares);
        this.hardship = new HardshipGenerator(seed, periods, Math.min(density, 3));
        this.indicators = new IndicatorGenerator(seed, periods, catalog.indicators());
        this.competitions = competitions;
        this.writer = writer;
    }

    /**
     * @param entriesFromOrganisers entry rows of city and province competitions this county reports itself, by
     *     period index
     * @param first the first county of the run: it carries the forced corrected and damaged files
     */
    Tally write(CountyOrgs orgs, double budget, List<Transfer> outgoing, List<Transfer> incoming,
            Map<Integer, List<Map<String, Object>>> entriesFromOrganisers, boolean first) {
        Tally tally = new Tally();
        List<List<Map<String, Object>>> events = members.generate(orgs, budget, outgoing, incoming);
        List<List<Map<String, Object>>> cases = hardship.generate(orgs);
        List<List<Map<String, Object>>> reports = indicators.generate(orgs);
        CompetitionGenerator.Output own = competitions.generate(orgs.county(), "county", List.of(orgs));
        String code = orgs.code();
        int last = periods.size() - 1;
        for (int p = 0; p < periods.size(); p++) {
            Period period = periods.get(p);
            List<Map<String, Object>> entries = new ArrayList<>();
            for (CompetitionGenerator.Batch b : own.entryBatches()) {
                if (b.periodIndex() == p) {
                    entries.addAll(b.rows());
                }
            }
            entries.addAll(entriesFromOrganisers.getOrDefault(p, List.of()));
            boolean eventsForced = first && p == 0 && !events.get(p).isEmpty();
            write(new Group(code, period, p, RecordType.ORG_UNITS, orgRows(orgs.declaredIn(p))), tally, false, false);
            write(new Group(code, period, p, RecordType.MEMBER_EVENTS, events.get(p)), tally, eventsForced, false);
            write(new Group(code, period, p, RecordType.HARDSHIP_CASES, cases.get(p)), tally, false, false);
            write(new Group(code, period, p, RecordType.COMPETITIONS,
                    own.competitionsByPeriod().getOrDefault(p, List.of())), tally, false, false);
            write(new Group(code, period, p, RecordType.COMPETITION_ENTRIES, entries), tally, false, false);
            write(new Group(code, period, p, RecordType.INDICATOR_REPORTS, reports.get(p)), tally,
                    first && p == 0 && !eventsForced, first && p == last);
        }
        return tally;
    }

    private void write(Group group, Tally tally, boolean forceCorrection, boolean forceDamaged) {
        writer.write(group, tally, forceCorrection, forceDamaged);
    }

    static List<Map<String, Object>> orgRows(List<OrgUnit> units) {
        List<Map<String, Object>> rows = new ArrayList<>(units.size());
        for (OrgUnit u : units) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("org_code", u.code());
            row.put("name", u.name());
            row.put("level", new Label(u.level()));
            row.put("parent_org_code", u.parentCode());
            row.put("region_code", u.regionCode());
            row.put("established_on", u.establishedOn());
            row.put("workforce", u.workforce());
            rows.add(row);
        }
        return rows;
    }
}
