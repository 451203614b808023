package org.unionstats.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.period.Period;

/**
 * Joins, leaves and transfers of one county, period by period. Members keep their id across periods: people who
 * joined may leave later, and people transferred in may leave from their new union. Joins outnumber leaves.
 */
final class MemberEventsGenerator {

    /** Share of the county's own (non-transfer) events that are joins. */
    static final double JOIN_SHARE = 0.6;

    private final long seed;
    private final List<Period> periods;
    private final double[] periodShares;

    MemberEventsGenerator(long seed, List<Period> periods, double[] periodShares) {
        this.seed = seed;
        this.periods = periods;
        this.periodShares = periodShares;
    }

    /** A known member of the county: who they are and which union they belong to. */
    private record Member(Person person, String orgCode, int sincePeriod) {}

    /**
     * Rows per period.
     *
     * @param budget member events of the county over the run, transfers included
     * @param outgoing transfers out of the county
     * @param incoming transfers into the county (planned by its siblings)
     */
    List<List<Map<String, Object>>> generate(CountyOrgs orgs, double budget, List<Transfer> outgoing, List<Transfer> incoming) {
        Rng rng = Rng.of(seed, "members", orgs.code());
        String county = orgs.code();
        double own = Math.max(0, budget - outgoing.size() - incoming.size());
        List<Member> pool = new ArrayList<>();
        int joined = 0;
        int longStanding = 0;
        List<List<Map<String, Object>>> byPeriod = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            Period period = periods.get(p);
            List<Event> events = new ArrayList<>();
            int n = rng.poisson(own * periodShares[p] * rng.logNormal(1.0, 0.1));
            for (int i = 0; i < n; i++) {
                LocalDate date = rng.workday(period.start(), period.end());
                if (rng.chance(JOIN_SHARE)) {
                    Person person = Person.invent(String.format("M%s%06d", county, 100_000 + ++joined), county,
                            date.getYear(), Person.joinAge(rng), Person.joinCategory(rng), rng);
                    String org = pickOrg(orgs, date, p, rng);
                    events.add(new Event(person, org, "join", date));
                    pool.add(new Member(person, org, p));
                } else {
                    Member leaver = takeEarlierMember(pool, p, rng);
                    if (leaver == null) {
                        Person person = Person.invent(String.format("M%s%06d", county, 500_000 + ++longStanding), county,
                                date.getYear(), Person.memberAge(rng), Person.memberCategory(rng), rng);
                        leaver = new Member(person, rng.pick(orgs.initial()).code(), -1);
                    }
                    events.add(new Event(leaver.person(), leaver.orgCode(), "leave", date));
                }
            }
            for (Transfer t : outgoing) {
                if (t.periodIndex() == p) {
                    events.add(new Event(t.person(), t.fromOrg(), "transfer_out", t.outDate()));
                }
            }
            for (Transfer t : incoming) {
                if (t.periodIndex() == p) {
                    events.add(new Event(t.person(), t.toOrg(), "transfer_in", t.inDate()));
                    pool.add(new Member(t.person(), t.toOrg(), p));
                }
            }
            events.sort(Comparator.comparing(Event::date).thenComparing(e -> e.person().memberId()).thenComparing(Event::type));
            List<Map<String, Object>> rows = new ArrayList<>(events.size());
            for (Event e : events) {
                rows.add(e.row());
            }
            byPeriod.add(rows);
        }
        return byPeriod;
    }

    /** Bigger unions see more joins. */
    private static String pickOrg(CountyOrgs orgs, LocalDate date, int p, Rng rng) {
        List<OrgUnit> active = orgs.activeOn(date, p);
        double[] w = new double[active.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sqrt(active.get(i).workforce());
        }
        return active.get(rng.weighted(w)).code();
    }

    /** Now and then a member who joined (or transferred in) in an earlier period leaves. */
    private static Member takeEarlierMember(List<Member> pool, int p, Rng rng) {
        if (pool.isEmpty() || !rng.chance(0.35)) {
            return null;
        }
        for (int tries = 0; tries < 4; tries++) {
            int i = rng.nextInt(pool.size());
            if (pool.get(i).sincePeriod() < p) {
                return pool.remove(i);
            }
        }
        return null;
    }

    private record Event(Person person, String orgCode, String type, LocalDate date) {
        Map<String, Object> row() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("member_id", person.memberId());
            row.put("org_code", orgCode);
            row.put("event_type", new Label(type));
            row.put("event_date", date);
            row.put("worker_category", new Label(person.category()));
            row.put("gender", new Label(person.gender()));
            row.put("birth_year", (long) person.birthYear());
            row.put("id_number", person.idNumber());
            return row;
        }
    }
}
