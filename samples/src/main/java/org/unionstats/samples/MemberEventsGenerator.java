package org.unionstats.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.period.Period;

/**
 * Joins, leaves and transfers of one county, period by period, kept consistent with the members on every union's
 * register: each union starts from its opening members ({@link OrgUnit#members()}, 0 for unions established later),
 * events are played in date order, and a member only leaves (or transfers out of) a union that has one: either one
 * of its opening members or someone who joined or transferred in during an earlier period. So the opening balance
 * plus the events never goes below zero, and the stock at a year's end is what the union reports then.
 *
 * <p>The county's net growth per quarter follows {@link Magnitudes#QUARTERLY_GROWTH} with a trend of its own; the
 * events the budget allows are split into joins and leaves so that joins minus leaves give that growth (at least
 * {@link Magnitudes#MIN_LEAVE_SHARE} of them are leaves). With a thin budget the growth is thinner.
 */
final class MemberEventsGenerator {

    /** Extra weight of a union founded in the period or the one before: its workers join in a wave. */
    private static final double FOUNDING_WAVE = 6;
    /** A leaver is someone who joined in an earlier period this many times more often than an opening member. */
    private static final double RECENT_LEAVER_BIAS = 8;

    private final long seed;
    private final List<Period> periods;
    private final double[] periodShares;

    MemberEventsGenerator(long seed, List<Period> periods, double[] periodShares) {
        this.seed = seed;
        this.periods = periods;
        this.periodShares = periodShares;
    }

    /**
     * What the county's unions did.
     *
     * @param eventsByPeriod member_events rows per period
     * @param stocksAtEnd per period, the members on the register of every union active at the period's end
     */
    record Result(List<List<Map<String, Object>>> eventsByPeriod, List<Map<String, Long>> stocksAtEnd) {}

    /** A member who joined or transferred in during the run. */
    private record Member(Person person, int sincePeriod) {}

    /** One union's register: opening members still there, and the run's newcomers. */
    private static final class Register {
        final OrgUnit unit;
        long opening;
        final List<Member> newcomers = new ArrayList<>();
        int reservedOut;

        Register(OrgUnit unit) {
            this.unit = unit;
            this.opening = unit.introducedIn() == 0 ? unit.members() : 0;
        }

        long count() {
            return opening + newcomers.size();
        }

        /** Members who may leave now: all but those whose planned transfer out is still to come. */
        long leavable() {
            return count() - reservedOut;
        }
    }

    private record Planned(LocalDate date, int order, String type, Transfer transfer) {}

    /**
     * @param budget member events of the county over the run, transfers included
     * @param outgoing transfers out of the county
     * @param incoming transfers into the county (planned by its siblings)
     */
    Result generate(CountyOrgs orgs, double budget, List<Transfer> outgoing, List<Transfer> incoming) {
        Rng rng = Rng.of(seed, "members", orgs.code());
        String county = orgs.code();
        Map<String, Register> registers = new LinkedHashMap<>();
        for (OrgUnit u : orgs.units()) {
            registers.put(u.code(), new Register(u));
        }
        for (Transfer t : outgoing) {
            registers.get(t.fromOrg()).reservedOut++;
        }
        double own = Math.max(0, budget - outgoing.size() - incoming.size());
        double trend = Magnitudes.GROWTH_COUNTY_SIGMA * rng.gaussian();
        int[] joined = {0};
        int[] longStanding = {0};
        List<List<Map<String, Object>>> byPeriod = new ArrayList<>();
        List<Map<String, Long>> stocks = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            Period period = periods.get(p);
            double quarters = period.type().months() / 3.0;
            long stock = registers.values().stream().mapToLong(Register::count).sum();
            int transfersNet = 0;
            List<Planned> plan = new ArrayList<>();
            for (Transfer t : outgoing) {
                if (t.periodIndex() == p) {
                    plan.add(new Planned(t.outDate(), 2, "transfer_out", t));
                    transfersNet--;
                }
            }
            for (Transfer t : incoming) {
                if (t.periodIndex() == p) {
                    plan.add(new Planned(t.inDate(), 0, "transfer_in", t));
                    transfersNet++;
                }
            }
            int n = rng.poisson(own * periodShares[p] * rng.logNormal(1.0, 0.1));
            double growth = growth(period, quarters, trend, rng);
            double net = growth * stock - transfersNet;
            double maxNet = (1 - 2 * Magnitudes.MIN_LEAVE_SHARE) * n;
            net = Math.max(-maxNet, Math.min(maxNet, net));
            int joins = (int) Math.round((n + net) / 2);
            for (int i = 0; i < n; i++) {
                plan.add(new Planned(rng.workday(period.start(), period.end()), 1, i < joins ? "join" : "leave", null));
            }
            plan.sort(Comparator.comparing(Planned::date).thenComparingInt(Planned::order));

            List<Event> events = new ArrayList<>(plan.size());
            for (Planned e : plan) {
                switch (e.type()) {
                    case "join" -> {
                        Person person = Person.invent(String.format("M%s%06d", county, 100_000 + ++joined[0]), county,
                                e.date().getYear(), Person.joinAge(rng), Person.joinCategory(rng), rng);
                        Register r = pickForJoin(orgs, registers, e.date(), p, rng);
                        r.newcomers.add(new Member(person, p));
                        events.add(new Event(person, r.unit.code(), "join", e.date()));
                    }
                    case "leave" -> {
                        Register r = pickForLeave(registers, e.date(), rng);
                        if (r == null) {
                            continue; // nobody left to leave (cannot happen with real opening balances)
                        }
                        Person person = takeLeaver(r, p, county, e.date(), longStanding, rng);
                        events.add(new Event(person, r.unit.code(), "leave", e.date()));
                    }
                    case "transfer_out" -> {
                        Transfer t = e.transfer();
                        Register r = registers.get(t.fromOrg());
                        r.reservedOut--;
                        r.opening--; // the planner moves opening members: long-standing people
                        events.add(new Event(t.person(), t.fromOrg(), "transfer_out", t.outDate()));
                    }
                    default -> {
                        Transfer t = e.transfer();
                        registers.get(t.toOrg()).newcomers.add(new Member(t.person(), p));
                        events.add(new Event(t.person(), t.toOrg(), "transfer_in", t.inDate()));
                    }
                }
            }
            events.sort(Comparator.comparing(Event::date).thenComparing(ev -> ev.person().memberId()).thenComparing(Event::type));
            List<Map<String, Object>> rows = new ArrayList<>(events.size());
            for (Event ev : events) {
                rows.add(ev.row());
            }
            byPeriod.add(rows);
            Map<String, Long> atEnd = new LinkedHashMap<>();
            for (OrgUnit u : orgs.units()) {
                if (u.introducedIn() <= p && !u.establishedOn().isAfter(period.end())) {
                    atEnd.put(u.code(), registers.get(u.code()).count());
                }
            }
            stocks.add(atEnd);
        }
        return new Result(byPeriod, stocks);
    }

    /** Net growth of the county in the period, as a share of its members: seasonal, its own trend, and noise. */
    private static double growth(Period period, double quarters, double trend, Rng rng) {
        double seasonal = 0;
        for (LocalDate d = period.start(); !d.isAfter(period.end()); d = d.plusMonths(1)) {
            seasonal += Magnitudes.QUARTERLY_GROWTH[(d.getMonthValue() - 1) / 3] / 3;
        }
        double g = seasonal + (trend + Magnitudes.GROWTH_QUARTER_SIGMA * rng.gaussian()) * quarters;
        return Math.max(Magnitudes.GROWTH_MIN * quarters, Math.min(Magnitudes.GROWTH_MAX * quarters, g));
    }

    /** Bigger unions see more joins, and a union just founded sees its workers join in a wave. */
    private static Register pickForJoin(CountyOrgs orgs, Map<String, Register> registers, LocalDate date, int p, Rng rng) {
        List<OrgUnit> active = orgs.activeOn(date, p);
        double[] w = new double[active.size()];
        for (int i = 0; i < w.length; i++) {
            OrgUnit u = active.get(i);
            w[i] = Math.sqrt(registers.get(u.code()).count() + 1.0);
            if (u.introducedIn() > 0 && u.introducedIn() >= p - 1) {
                w[i] += FOUNDING_WAVE * Math.sqrt(u.workforce());
            }
        }
        return registers.get(active.get(rng.weighted(w)).code());
    }

    /** A union to leave, in proportion to the members who may leave it; null when there are none. */
    private static Register pickForLeave(Map<String, Register> registers, LocalDate date, Rng rng) {
        List<Register> candidates = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Register r : registers.values()) {
            if (r.leavable() > 0 && !r.unit.establishedOn().isAfter(date)) {
                candidates.add(r);
                weights.add((double) r.leavable());
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        return candidates.get(rng.weighted(w));
    }

    /**
     * The person leaving the union: now and then someone who joined in an earlier period (newcomers leave more
     * often than long-standing members), otherwise one of its opening members.
     */
    private static Person takeLeaver(Register r, int p, String county, LocalDate date, int[] longStanding, Rng rng) {
        long openingFree = r.opening - r.reservedOut;
        List<Integer> earlier = new ArrayList<>();
        for (int i = 0; i < r.newcomers.size(); i++) {
            if (r.newcomers.get(i).sincePeriod() < p) {
                earlier.add(i);
            }
        }
        double newcomerWeight = earlier.size() * RECENT_LEAVER_BIAS;
        boolean newcomer = openingFree <= 0
                || (!earlier.isEmpty() && rng.nextDouble() * (newcomerWeight + openingFree) < newcomerWeight);
        if (newcomer) {
            if (earlier.isEmpty()) {
                // Only this period's newcomers are left: the latest of them goes.
                return r.newcomers.remove(r.newcomers.size() - 1).person();
            }
            return r.newcomers.remove((int) earlier.get(rng.nextInt(earlier.size()))).person();
        }
        r.opening--;
        return Person.invent(String.format("M%s%06d", county, 500_000 + ++longStanding[0]), county, date.getYear(),
                Person.memberAge(rng), Person.memberCategory(rng), rng);
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
