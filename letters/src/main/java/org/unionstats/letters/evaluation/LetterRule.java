package org.unionstats.letters.evaluation;

import java.util.List;

/**
 * One documented rule of a letter (docs/letters.md): from a county's facts to the sentences of the evaluation, or to
 * the items of the next quarter's priorities. A rule that does not apply says nothing.
 */
public interface LetterRule {

    List<String> apply(CountyContext county);

    /**
     * What a priority rule asks for, each item with the KPI it is about (the first it names), or none: the follow-up
     * ledger keeps it beside the item's words.
     */
    default List<Request> requests(CountyContext county) {
        return apply(county).stream().map(text -> new Request(text, null)).toList();
    }

    /** One item a rule asks for; {@code kpiId} null when it is about no KPI. */
    record Request(String text, String kpiId) {}
}
