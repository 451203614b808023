package org.unionstats.letters.issue;

import java.util.List;
import org.unionstats.letters.compose.Letter;

/**
 * One issued edition of a letter, as printed: its words and the figures of its KPI table.
 *
 * @param number 1 for the letter first issued, then one more for each reissue
 * @param figures the KPI table's rows, in the letter's order
 */
public record Edition(int number, Letter letter, List<PrintedFigure> figures) {

    public Edition {
        figures = List.copyOf(figures);
    }

    /** The letter's id: its number, 2024Q3-130302. */
    public String letterId() {
        return letter.reference();
    }
}
