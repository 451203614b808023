package org.unionstats.letters.evaluation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.unionstats.letters.facts.Finding;
import org.unionstats.letters.text.Figures;
import org.unionstats.letters.text.Lists;

/**
 * E8 数据质量: how many data-quality findings the quarter has at the county and its basic-level unions, how many are
 * errors, and which rules found them. Nothing when there are none.
 */
public final class DataQuality implements LetterRule {

    @Override
    public List<String> apply(CountyContext county) {
        List<Finding> findings = county.county().findings();
        if (findings.isEmpty()) {
            return List.of();
        }
        long errors = findings.stream().filter(Finding::isError).count();
        Set<String> rules = new LinkedHashSet<>();
        findings.forEach(f -> rules.add(FindingRules.name(f.ruleId())));
        return List.of("本季度数据质量检查发现" + Figures.count(findings.size()) + "条问题"
                + (errors > 0 ? "（其中错误" + Figures.count(errors) + "条）" : "") + "，涉及" + Lists.of(List.copyOf(rules))
                + "，请逐条核实更正，确保数据真实准确（详见第四部分）。");
    }
}
