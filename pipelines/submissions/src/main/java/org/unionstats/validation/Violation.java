package org.unionstats.validation;

import java.io.Serializable;

/**
 * One reason a row or file is refused, in words a county clerk can act on.
 *
 * @param column the column at fault (as its header was written), or null
 */
public record Violation(String code, String column, String messageZh, String messageEn) implements Serializable {

    public static Violation of(String code, String column, String messageZh, String messageEn) {
        return new Violation(code, column, messageZh, messageEn);
    }
}
