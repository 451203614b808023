package org.unionstats.letters;

/** What a run does with the issued editions of the letters (docs/letters.md, Issued editions). */
public enum Issuing {
    /** Renders each letter's latest issued edition, with what has moved since; a letter never issued is a draft. */
    RENDER,
    /** As {@link #RENDER}, and issues edition 1 of every letter never issued. */
    ISSUE,
    /** As {@link #ISSUE}, and issues a new edition of every issued letter whose words the KPI tables now change. */
    REISSUE
}
