package org.unionstats.letters.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.letters.facts.Finding;
import org.unionstats.letters.text.Figures;

/**
 * P5: one item per data-quality rule with findings at the county or its basic-level unions, errors' rules first (the
 * findings come errors first): what to check ({@link FindingRules}), the rule's name and the number of findings.
 */
public final class FindingsPriority implements LetterRule {

    @Override
    public List<String> apply(CountyContext county) {
        Map<String, Integer> byRule = new LinkedHashMap<>();
        for (Finding f : county.county().findings()) {
            byRule.merge(f.ruleId(), 1, Integer::sum);
        }
        return byRule.entrySet().stream()
                .map(e -> FindingRules.request(e.getKey()) + "，解决“" + FindingRules.name(e.getKey()) + "”问题（"
                        + Figures.count(e.getValue()) + "条）。")
                .toList();
    }
}
