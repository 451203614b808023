package org.unionstats.validation;

import java.io.Serializable;
import java.util.Map;
import org.unionstats.warehouse.quarantine.QuarantineCode;

/**
 * One reason a row or file is refused, in words a county clerk can act on.
 *
 * @param reason the quarantine code, whose templates made the messages
 * @param column the column at fault (as its header was written), or null
 */
public record Violation(QuarantineCode reason, String column, String messageZh, String messageEn) implements Serializable {

    /** A violation whose message is the code's template filled with {@code values}. */
    public static Violation of(QuarantineCode reason, String column, Map<String, ?> values) {
        QuarantineCode.Message message = reason.message(values);
        return new Violation(reason, column, message.zh(), message.en());
    }

    /** A violation whose words come from the parser that read the value. */
    public static Violation detail(QuarantineCode reason, String column, String detailZh, String detailEn) {
        QuarantineCode.Message message = reason.detail(detailZh, detailEn);
        return new Violation(reason, column, message.zh(), message.en());
    }

    /** The code stored in the quarantine table. */
    public String code() {
        return reason.code();
    }
}
