package org.unionstats.values;

import java.util.Objects;

/**
 * A submitted value that cannot be read. Both messages are written for the county clerk who
 * has to correct the file: they name the value found and the form expected.
 */
public class ValueFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String messageZh;
    private final String messageEn;

    public ValueFormatException(String messageZh, String messageEn) {
        super(messageEn);
        this.messageZh = Objects.requireNonNull(messageZh, "messageZh");
        this.messageEn = Objects.requireNonNull(messageEn, "messageEn");
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    @Override
    public String getMessage() {
        return messageEn;
    }
}
