package org.unionstats.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.unionstats.kpi.engine.ReportingCalendar;
import org.unionstats.kpi.measures.Restatements.Restated;
import org.unionstats.period.Period;

/**
 * The periods a run writes and the KPI families it recomputes in each. Every family is recomputed from the earliest
 * changed period on, and from the earliest date a record read by several families restates. Earlier periods that only
 * a family's own records restate (a hardship case listed a year after its filing) recompute that family
 * alone: the other families' KPIs there are unchanged, and are read back from the published tables.
 *
 * @param written every period the run writes, in calendar order
 * @param everyFamily the written periods every family is recomputed in
 * @param familyAlone per family, the written periods it alone is recomputed in
 */
public record RecomputePlan(List<Period> written, List<Period> everyFamily, Map<String, List<Period>> familyAlone) {

    public RecomputePlan {
        written = List.copyOf(written);
        everyFamily = List.copyOf(everyFamily);
        familyAlone = Map.copyOf(familyAlone);
    }

    /** Every family recomputed in every period written. */
    public static RecomputePlan everyFamily(List<Period> written) {
        return new RecomputePlan(written, written, Map.of());
    }

    /**
     * @param changedFrom the start of the earliest period a changed submission is for
     * @param restated what the new submissions restate, per record type ({@link org.unionstats.kpi.measures.Restatements})
     * @param familyReadingAlone the record types only one family reads, with that family, where the catalogue lets it be recomputed alone
     */
    public static RecomputePlan of(ReportingCalendar calendar, LocalDate changedFrom, List<Restated> restated,
            Map<String, String> familyReadingAlone) {
        List<Restated> shared = restated.stream().filter(r -> !familyReadingAlone.containsKey(r.recordType())).toList();
        List<Period> everyFamily = from(calendar, changedFrom, shared);
        Map<String, List<Period>> alone = new LinkedHashMap<>();
        for (String family : familyReadingAlone.values().stream().distinct().sorted().toList()) {
            List<Restated> own = restated.stream().filter(r -> family.equals(familyReadingAlone.get(r.recordType()))).toList();
            List<Period> earlier = from(calendar, changedFrom, own).stream().filter(p -> !everyFamily.contains(p)).toList();
            if (!earlier.isEmpty()) {
                alone.put(family, earlier);
            }
        }
        List<Period> written = calendar.periods().stream()
                .filter(p -> everyFamily.contains(p) || alone.values().stream().anyMatch(l -> l.contains(p))).toList();
        return new RecomputePlan(written, everyFamily, alone);
    }

    /** The periods from the earliest of the change and these restatements on. */
    private static List<Period> from(ReportingCalendar calendar, LocalDate changedFrom, List<Restated> restated) {
        if (restated.stream().anyMatch(Restated::everyPeriod)) {
            return calendar.periods();
        }
        LocalDate earliest = Stream.concat(Stream.of(changedFrom), restated.stream().map(Restated::since).flatMap(Optional::stream))
                .min(LocalDate::compareTo).orElseThrow();
        return calendar.affectedFrom(earliest);
    }

    /** The written periods some family is recomputed alone in, in calendar order. */
    public List<Period> familyAlonePeriods() {
        return written.stream().filter(p -> !everyFamily.contains(p)).toList();
    }

    /** The written periods a family is recomputed in: with every family, or alone. */
    public List<Period> recomputedIn(String family) {
        List<Period> alone = familyAlone.getOrDefault(family, List.of());
        return written.stream().filter(p -> everyFamily.contains(p) || alone.contains(p)).toList();
    }

    /** The written periods every family is recomputed in, or any of these families alone. */
    public List<Period> recomputedInAny(java.util.Collection<String> families) {
        return written.stream().filter(p -> everyFamily.contains(p)
                || familyAlone.entrySet().stream().anyMatch(e -> families.contains(e.getKey()) && e.getValue().contains(p))).toList();
    }

    /**
     * The periods a family's measures are computed for.
     *
     * @param everyFamilyComputed the periods every family's are computed for (those written with every family, and
     *     compared periods not published)
     */
    public List<Period> computedFor(String family, List<Period> everyFamilyComputed) {
        List<Period> computed = new ArrayList<>(everyFamilyComputed);
        familyAlone.getOrDefault(family, List.of()).stream().filter(p -> !computed.contains(p)).forEach(computed::add);
        return List.copyOf(computed);
    }
}
