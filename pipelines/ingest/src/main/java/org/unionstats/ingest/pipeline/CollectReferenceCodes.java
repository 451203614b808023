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
        final Set<String> letterItems = new HashSet<>();

        @Override
        public boolean equals(Object o) {
            return o instanceof Acc a && orgs.equals(a.orgs) && competitions.equals(a.competitions) && letterItems.equals(a.letterItems);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orgs, competitions, letterItems);
        }
    }

    @Override
    public Acc createAccumulator() {
        return new Acc();
    }

    @Override
    public Acc addInput(Acc acc, KV<String, String> code) {
        Set<String> codes = switch (code.getKey()) {
            case DeclaredCodesFn.ORG -> acc.orgs;
            case DeclaredCodesFn.LETTER_ITEM -> acc.letterItems;
            default -> acc.competitions;
        };
        codes.add(code.getValue());
        return acc;
    }

    @Override
    public Acc mergeAccumulators(Iterable<Acc> accs) {
        Acc merged = new Acc();
        for (Acc a : accs) {
            merged.orgs.addAll(a.orgs);
            merged.competitions.addAll(a.competitions);
            merged.letterItems.addAll(a.letterItems);
        }
        return merged;
    }

    @Override
    public ReferenceCodes extractOutput(Acc acc) {
        return new ReferenceCodes(acc.orgs, acc.competitions, acc.letterItems);
    }
}
