package org.unionstats.ingest.pipeline;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;
import org.unionstats.validation.ReferenceCodes;

/**
 * Folds declared codes ({@code KV(kind, code)}) into one {@link ReferenceCodes}. One global
 * combine, not a per-code grouping: runners combine partial sets per bundle, so the cost is
 * one pass over the codes whatever their number.
 */
final class CollectReferenceCodes extends Combine.CombineFn<KV<String, String>, CollectReferenceCodes.Acc, ReferenceCodes> {

    static final class Acc implements java.io.Serializable {
        final Set<String> orgs = new HashSet<>();
        final Set<String> competitions = new HashSet<>();

        @Override
        public boolean equals(Object o) {
            return o instanceof Acc a && orgs.equals(a.orgs) && competitions.equals(a.competitions);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orgs, competitions);
        }
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
        return new ReferenceCodes(acc.orgs, acc.competitions);
    }
}
