package org.unionstats.letters.ledger;

/**
 * An item of the previous quarter's letter and where it stands: the status of its latest feedback ({@code open} without
 * any), that feedback's text, and whether its due quarter has ended without it being closed.
 */
public record FollowUp(LedgerItem item, String status, String feedbackText, boolean overdue) {

    public static final String OPEN = "open";
    public static final String ANSWERED = "answered";
    public static final String CLOSED = "closed";
}
