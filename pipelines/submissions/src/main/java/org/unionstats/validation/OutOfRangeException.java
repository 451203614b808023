package org.unionstats.validation;

import org.unionstats.values.ValueFormatException;

/** A value that reads fine but lies outside what its column allows. */
final class OutOfRangeException extends ValueFormatException {

    OutOfRangeException(String messageZh, String messageEn) {
        super(messageZh, messageEn);
    }
}
