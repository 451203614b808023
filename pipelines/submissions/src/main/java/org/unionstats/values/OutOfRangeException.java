package org.unionstats.values;

/**
 * A value that reads as a number but lies outside what can be kept: more digits than the limit, a magnitude
 * no statistic has, beyond a column's range or beyond what its warehouse type can store.
 */
public class OutOfRangeException extends ValueFormatException {

    private static final long serialVersionUID = 1L;

    public OutOfRangeException(String messageZh, String messageEn) {
        super(messageZh, messageEn);
    }
}
