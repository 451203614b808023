package org.unionstats.samples;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;

/** Generates and writes everything one county union submits, period by period. */
final class CountyFiles {

    private final List<Period> periods;
    private final MemberEventsGenerator members;
    private final HardshipGenerator hardship;
    private final IndicatorGenerator indicators;
    private final BalancesGenerator balances;
    private final CompetitionGenerator competitions;
    private final GroupWriter writer;

    CountyFiles(long seed, List<Period> periods, double[] periodShares, double density, double mistakeRate,
            Catalog catalog, GroupWriter writer, CompetitionGenerator competitions) {
        this.periods = periods;
        this.members = new MemberEventsGenerator(seed, periods, periodShares);
        this.hardship = new HardshipGenerator(seed, periods, density);
        this.indicators = new IndicatorGenerator(seed, periods, catalog.indicators());
        this.balances = new BalancesGenerator(seed, mistakeRate);
        this.competitions = competitions;
        this.writer = writer;
    }

    /** What a county wrote, and what its unions achieved (from every row generated, sent or not). */
    record Written(Tally tally, Achieved achieved) {}

    /** How a county reports, beyond its data. */
    record Reporting(boolean hardshipByBalance, int missingPeriod) {
        static final Reporting ORDINARY = new Reporting(false, -1);
    }

    /**
     * @param entriesFromOrganisers entry rows of city and province competitions this county reports itself, by
     *     period index
     * @param first the first county of the run: it carries the forced corrected and damaged files
     * @param reporting whether the county reports its hardship register by a balance, and the period (index) it
     *     sends nothing for (-1: none)
     */
    Written write(CountyOrgs orgs, double budget, List<Transfer> outgoing, List<Transfer> incoming,
            Map<Integer, List<Map<String, Object>>> entriesFromOrganisers, boolean first, Reporting reporting) {
        Tally tally = new Tally();
        MemberEventsGenerator.Result memberResult = members.generate(orgs, budget, outgoing, incoming);
        List<List<Map<String, Object>>> events = memberResult.eventsByPeriod();
        HardshipGenerator.Result hardshipResult = hardship.generate(orgs, reporting.hardshipByBalance());
        List<List<Map<String, Object>>> cases = hardshipResult.casesByPeriod();
        List<List<Map<String, Object>>> reports = indicators.generate(orgs);
        List<List<Map<String, Object>>> balanceRows = balanceRows(orgs, memberResult, hardshipResult, reporting, tally);
        CompetitionGenerator.Output own = competitions.generate(orgs.county(), "county", List.of(orgs));
        String code = orgs.code();
        int last = periods.size() - 1;
        Achieved achieved = achieved(code, memberResult, cases, own);
        int forcedPeriod = reporting.missingPeriod() == 0 ? 1 : 0;
        for (int p = 0; p < periods.size(); p++) {
            if (p == reporting.missingPeriod()) {
                continue; // the county sends nothing for this period
            }
            Period period = periods.get(p);
            List<Map<String, Object>> entries = new ArrayList<>();
            for (CompetitionGenerator.Batch b : own.entryBatches()) {
                if (b.periodIndex() == p) {
                    entries.addAll(b.rows());
                }
            }
            entries.addAll(entriesFromOrganisers.getOrDefault(p, List.of()));
            boolean eventsForced = first && p == forcedPeriod && !events.get(p).isEmpty();
            write(new Group(code, period, p, RecordType.ORG_UNITS, orgRows(orgs.declaredIn(p))), tally, false, false);
            write(new Group(code, period, p, RecordType.BALANCES, balanceRows.get(p)), tally, false, false);
            write(new Group(code, period, p, RecordType.MEMBER_EVENTS, events.get(p)), tally, eventsForced, false);
            write(new Group(code, period, p, RecordType.HARDSHIP_CASES, cases.get(p)), tally, false, false);
            write(new Group(code, period, p, RecordType.COMPETITIONS,
                    own.competitionsByPeriod().getOrDefault(p, List.of())), tally, false, false);
            write(new Group(code, period, p, RecordType.COMPETITION_ENTRIES, entries), tally, false, false);
            write(new Group(code, period, p, RecordType.INDICATOR_REPORTS, reports.get(p)), tally,
                    first && p == forcedPeriod && !eventsForced, first && p == last);
        }
        return new Written(tally, achieved);
    }

    /**
     * The county's joins (by date), families lifted out (by date, each once), the entrants of its own competitions and
     * members at each period's end (the entrants of the cities' and provinces' competitions are counted with them). A
     * period the county misses still counts: its target was set on what its unions do, not on what it sends.
     */
    private Achieved achieved(String county, MemberEventsGenerator.Result members, List<List<Map<String, Object>>> cases,
            CompetitionGenerator.Output own) {
        Achieved achieved = new Achieved();
        Set<String> lifted = new HashSet<>();
        for (int p = 0; p < periods.size(); p++) {
            for (Map<String, Object> e : members.eventsByPeriod().get(p)) {
                if ("join".equals(e.get("event_type").toString())) {
                    achieved.add(county, Achieved.MEMBERS_JOINED, (LocalDate) e.get("event_date"), 1);
                }
            }
            for (Map<String, Object> c : cases.get(p)) {
                if ("lifted_out".equals(c.get("status").toString()) && lifted.add(c.get("org_code") + "/" + c.get("case_id"))) {
                    achieved.add(county, Achieved.LIFTED_OUT, (LocalDate) c.get("lifted_out_on"), 1);
                }
            }
            long stock = members.stocksAtEnd().get(p).values().stream().mapToLong(Long::longValue).sum();
            LocalDate end = periods.get(p).end();
            achieved.set(county, Achieved.MEMBERS_END, Period.containing(PeriodType.QUARTER, end), stock);
            achieved.set(county, Achieved.MEMBERS_END, Period.containing(PeriodType.YEAR, end), stock);
        }
        achieved.addEntries(own);
        return achieved;
    }

    /**
     * The balances files by period: the opening member balances (and, by a balance-reporting county, the families on
     * its hardship register) in the first period's folder; the year-end member balances in the folder of every later
     * period that starts a year. A period the county misses takes its balances with it.
     */
    private List<List<Map<String, Object>>> balanceRows(CountyOrgs orgs, MemberEventsGenerator.Result memberResult,
            HardshipGenerator.Result hardshipResult, Reporting reporting, Tally tally) {
        List<List<Map<String, Object>>> out = new ArrayList<>();
        LocalDate opening = periods.get(0).start().minusDays(1);
        for (int p = 0; p < periods.size(); p++) {
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean sent = p != reporting.missingPeriod();
            if (p == 0) {
                rows.addAll(balances.opening(orgs, opening));
                if (reporting.hardshipByBalance()) {
                    rows.add(balances.hardshipOnFile(orgs.code(), opening, hardshipResult.onFileAtStart()));
                }
                if (sent) {
                    tally.membersAtStart += orgs.openingMembers();
                    tally.hardshipOnFileAtStart += hardshipResult.onFileAtStart();
                }
            } else if (MonthDay.from(periods.get(p).start()).equals(MonthDay.of(1, 1))) {
                BalancesGenerator.Rows yearEnd = balances.yearEnd(orgs.code(), memberResult.stocksAtEnd().get(p - 1),
                        periods.get(p).start().minusDays(1));
                rows.addAll(yearEnd.rows());
                if (sent) {
                    tally.mistakes(MistakeInjector.BALANCE_MISMATCH, yearEnd.mismatches());
                }
            }
            out.add(rows);
        }
        return out;
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
