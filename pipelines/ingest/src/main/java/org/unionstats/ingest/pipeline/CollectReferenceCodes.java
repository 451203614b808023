package org.unionstats.ingest.pipeline;

import java.util.HashSet;
import java.util.Set;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;
import org.unionstats.validation.ReferenceCodes;

/** Folds declared codes into one {@link ReferenceCodes}, seeded with those the warehouse has. */
final class CollectReferenceCodes extends Combine.CombineFn<KV<String, String>, CollectReferenceCodes.Acc, ReferenceCodes> {

    private final Set<String> existingOrgs;
    private final Set<String> existingCompetitions;

    CollectReferenceCodes(Set<String> existingOrgs, Set<String> existingCompetitions) {
        this.existingOrgs = new HashSet<>(existingOrgs);
        this.existingCompetitions = new HashSet<>(existingCompetitions);
    }

    static final class Acc implements java.io.Serializable {
        final Set<String> orgs = new HashSet<>();
        final Set<String> competitions = new HashSet<>();
    }

    @Override
    public Acc createAccumulator() {
        return new Acc();
    }

    @Override
    public Acc addInput(Acc acc, KV<String, String> code) {
        (DeclaredCodesFn.ORG.equals(code.getKey()) ? acc.orgs : acc.competitions).add(code.getValue());
        return acc;
    }

    @Override
    public Acc mergeAccumulators(Iterable<Acc> accs) {
        Acc merged = new Acc();
        for (Acc a : accs) {
            merged.orgs.addAll(a.orgs);
            merged.competitions.addAll(a.competitions);
        }
        return merged;
    }

    @Override
    public ReferenceCodes extractOutput(Acc acc) {
        Set<String> orgs = new HashSet<>(existingOrgs);
        orgs.addAll(acc.orgs);
        Set<String> competitions = new HashSet<>(existingCompetitions);
        competitions.addAll(acc.competitions);
        return new ReferenceCodes(orgs, competitions);
    }
}
