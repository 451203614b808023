package org.unionstats.letters.ledger;

import java.util.ArrayList;
import java.util.List;
import org.unionstats.contract.LetterItemId;
import org.unionstats.letters.evaluation.Evaluation;
import org.unionstats.period.Period;

/**
 * The items of a letter, numbered as it prints them: the priorities first (due by the end of the next quarter), then the
 * department opinions (due by their own period), 1, 2, 3 … on from one part to the next.
 */
public final class Items {

    private Items() {}

    public static List<LedgerItem> of(String letterId, String quarter, List<Evaluation.Priority> priorities, List<Opinion> opinions) {
        List<LedgerItem> items = new ArrayList<>();
        String next = Period.parse(quarter).next().canonical();
        for (Evaluation.Priority p : priorities) {
            items.add(new LedgerItem(id(letterId, items.size() + 1), p.rule(), null, p.kpiId(), p.text(), next));
        }
        for (Opinion o : opinions) {
            items.add(new LedgerItem(id(letterId, items.size() + 1), o.department(), o.department(), o.kpiId(), o.text(), o.dueQuarter()));
        }
        return items;
    }

    private static String id(String letterId, int number) {
        return LetterItemId.of(letterId, number).toString();
    }
}
