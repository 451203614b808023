package org.unionstats.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
        if (siblings.isEmpty()) {
            return List.of();
        }
        Rng rng = Rng.of(seed, "transfers", from.code());
        int count = rng.stochasticRound(budget * TRANSFER_SHARE);
        double[] siblingWeights = siblings.stream().mapToDouble(CountyOrgs::weight).toArray();
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
            String fromOrg = rng.pick(from.activeOn(outDate, p)).code();
            String toOrg = rng.pick(to.activeOn(inDate, p)).code();
            out.add(new Transfer(person, from.code(), fromOrg, to.code(), toOrg, p, outDate, inDate));
        }
        return out;
    }
}
