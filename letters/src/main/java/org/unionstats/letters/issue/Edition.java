package org.unionstats.letters.issue;

import java.util.List;
import org.unionstats.letters.compose.Letter;
import org.unionstats.letters.ledger.LedgerItem;

/**
 * One issued edition of a letter, as printed: its words and the figures of its KPI table.
 *
 * @param number 1 for the letter first issued, then one more for each reissue
 * @param figures the KPI table's rows, in the letter's order
 * @param items the letter's priorities and opinions as items of the follow-up ledger, when it is being issued
 */
public record Edition(int number, Letter letter, List<PrintedFigure> figures, List<LedgerItem> items) {

    public Edition {
        figures = List.copyOf(figures);
        items = List.copyOf(items);
    }

    /** An edition as read back: its items are in the ledger ({@code letter_items}). */
    public Edition(int number, Letter letter, List<PrintedFigure> figures) {
        this(number, letter, figures, List.of());
    }

    /** The letter's id: its number, 2024Q3-130302. */
    public String letterId() {
        return letter.reference();
    }
}
