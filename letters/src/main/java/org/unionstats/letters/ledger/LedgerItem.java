package org.unionstats.letters.ledger;

/**
 * An item of the follow-up ledger (工作台账) as a letter issues it: a priority of the letter or a department's opinion it
 * quotes, which the county answers with feedback.
 *
 * @param itemId the letter id and the item's number in the letter: 2024Q3-130302-03
 * @param source the priority rule (P1–P5; P0 for the request to consolidate when none applies) or the department
 * @param department the department for an opinion; null for a priority
 * @param kpiId the KPI an opinion names; null when none (priorities name theirs in the text)
 * @param text the item as printed
 * @param dueQuarter the quarter by whose end it is to be done: the next quarter for a priority, the opinion's due period
 */
public record LedgerItem(String itemId, String source, String department, String kpiId, String text, String dueQuarter) {}
