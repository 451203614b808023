package org.unionstats.letters.issue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.unionstats.letters.compose.LetterComposer;
import org.unionstats.letters.facts.CountyFacts;
import org.unionstats.letters.facts.KpiFacts;

/**
 * What moved since an edition was issued (自签发以来数据更正): each printed KPI value that the current KPI tables would
 * print differently, with both values. A change too small to print is no correction.
 */
public final class Corrections {

    private static final String NONE = "—";

    private Corrections() {}

    /** @param current the county's facts from the KPI tables as they are now */
    public static List<String> since(Edition edition, CountyFacts current) {
        Map<String, KpiFacts> now = current.kpis().stream().collect(Collectors.toMap(KpiFacts::kpiId, Function.identity(), (a, b) -> a));
        List<String> moved = new ArrayList<>();
        for (PrintedFigure f : edition.figures()) {
            KpiFacts k = now.get(f.kpiId());
            String value = k == null ? NONE : LetterComposer.row(k).value();
            if (!value.equals(f.row().value())) {
                moved.add(f.row().name() + "：签发时" + f.row().value() + "，现为" + value + "。");
            }
        }
        return moved;
    }
}
