package org.unionstats.values;

/**
 * A number whose qualifier words cannot be kept: {@code 近5000余} says both "nearly" and "over", and
 * {@code 不足100} ("under") is none of exact, over or nearly.
 */
public class BadQualifierException extends ValueFormatException {

    private static final long serialVersionUID = 1L;

    public BadQualifierException(String messageZh, String messageEn) {
        super(messageZh, messageEn);
    }
}
