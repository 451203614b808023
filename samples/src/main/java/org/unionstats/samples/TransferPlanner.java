package org.unionstats.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.period.Period;

/**
 * Plans the transfers out of one county before any county's events are generated, so that both counties' files
 * agree whatever order the counties are processed in. Each county's plan uses its own random stream.
 */
final class TransferPlanner {

    /** Share of a county's member events that are transfers out (and, on average, in). */
    static final double TRANSFER_SHARE = 0.04;

    private final long seed;
    private final List<Period> periods;
    private final double[] periodShares;

    TransferPlanner(long seed, List<Period> periods, double[] periodShares) {
        this.seed = seed;
        this.periods = periods;
        this.periodShares = periodShares;
    }

    /**
     * Transfers out of {@code from} to its siblings.
     *
     * @param budget the county's member events over the run
     * @param siblings the other in-scope counties of the same city, with their unions
     */
    List<Transfer> plan(CountyOrgs from, double budget, List<CountyOrgs> siblings) {
        if (siblings.isEmpty() || from.openingMembers() == 0) {
            return List.of();
        }
        Rng rng = Rng.of(seed, "transfers", from.code());
        int count = rng.stochasticRound(budget * TRANSFER_SHARE);
        double[] siblingWeights = siblings.stream().mapToDouble(CountyOrgs::openingMembers).toArray();
        // Transfers move long-standing members: from the unions with opening members, never more than a union has.
        List<OrgUnit> sources = from.initial().stream().filter(u -> u.members() > 0).toList();
        double[] sourceWeights = sources.stream().mapToDouble(OrgUnit::members).toArray();
        Map<String, Integer> planned = new HashMap<>();
        List<Transfer> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int p = rng.weighted(periodShares);
            Period period = periods.get(p);
            LocalDate outDate = rng.workday(period.start(), period.end());
            LocalDate inDate = outDate.plusDays(rng.chance(0.5) ? 0 : rng.between(1, 12));
            if (inDate.isAfter(period.end())) {
                inDate = period.end();
            }
            CountyOrgs to = siblings.get(rng.weighted(siblingWeights));
            String memberId = String.format("M%s9%05d", from.code(), i + 1);
            Person person = Person.invent(memberId, from.code(), period.year(), Person.memberAge(rng),
                    Person.memberCategory(rng), rng);
            OrgUnit source = sources.get(rng.weighted(sourceWeights));
            if (planned.getOrDefault(source.code(), 0) >= source.members()) {
                continue;
            }
            planned.merge(source.code(), 1, Integer::sum);
            String fromOrg = source.code();
            String toOrg = receiving(to.activeOn(inDate, p), rng).code();
            out.add(new Transfer(person, from.code(), fromOrg, to.code(), toOrg, p, outDate, inDate));
        }
        return out;
    }

    /** The union a member transfers into: bigger unions take more. */
    private static OrgUnit receiving(List<OrgUnit> active, Rng rng) {
        double[] w = new double[active.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sqrt(Math.max(active.get(i).members(), active.get(i).workforce() / 2.0) + 1);
        }
        return active.get(rng.weighted(w));
    }
}
