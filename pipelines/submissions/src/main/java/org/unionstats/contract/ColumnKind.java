package org.unionstats.contract;

/** How a source column's text is read and checked. */
public enum ColumnKind {
    /** Free text, kept as written (normalised). */
    TEXT,
    /** An org code that must be known: a region federation or a declared basic-level union. */
    ORG_CODE,
    /** The org code an org_units row declares. */
    ORG_CODE_DECLARED,
    /** A 6-digit administrative region code that must exist in the region dimension. */
    REGION_CODE,
    /** A Chinese label or English code from the column's label table. */
    ENUM,
    DATE,
    /** A whole number, Chinese forms allowed (1.7万). */
    COUNT,
    /** An amount with decimals, Chinese forms allowed. */
    AMOUNT,
    BIRTH_YEAR,
    CREDIT_CODE,
    /** An identifier replaced by a keyed pseudonym before it is stored. */
    PSEUDONYM,
    /** A competition id that must be known. */
    COMPETITION_ID,
    /** An indicator id or Chinese name from the indicator catalogue. */
    INDICATOR,
    /** A KPI of the KPI catalogue that may carry a target, by id, Chinese name or alias. */
    KPI,
    /** A year or a quarter ({@code 2024}, {@code 2024年}, {@code 2024Q3}, {@code 2024年第三季度}), stored canonical. */
    PERIOD,
    /**
     * Free text a person writes to another (an opinion, a reply), kept as written: at most {@code max} characters, and
     * refused when it holds what looks like an ID-card or mobile phone number.
     */
    FREE_TEXT,
    /** The id of an item of an issued guidance letter ({@code 2024Q3-130302-03}) that must exist. */
    LETTER_ITEM,
    /** A unit that must agree with the indicator's (or the KPI's). */
    UNIT,
    /** 余/多/超过 or 近/约. */
    QUALIFIER;

    static ColumnKind fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
