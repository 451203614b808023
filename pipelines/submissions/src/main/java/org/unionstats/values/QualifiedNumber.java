package org.unionstats.values;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import org.unionstats.privacy.PersonalDataMasker;

/**
 * A number as reported, with how exactly it is meant. The value is kept canonical (no trailing
 * zeros, never a negative scale) so that {@code 17000} and {@code 1.7万} are equal records and
 * print the same way.
 */
public record QualifiedNumber(BigDecimal value, Qualifier qualifier) implements Serializable {

    public QualifiedNumber {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(qualifier, "qualifier");
        value = canonical(value);
    }

    public static QualifiedNumber exact(BigDecimal value) {
        return new QualifiedNumber(value, Qualifier.EXACT);
    }

    /** The value as a whole number, for counts of people, cases, stations and the like. */
    public long longValueExact() {
        String shown = PersonalDataMasker.echo(value.toString());
        if (value.scale() > 0) {
            throw new ValueFormatException(
                    "「" + shown + "」不是整数，此处应填写整数",
                    "'" + shown + "' is not a whole number; a whole number is expected here");
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new OutOfRangeException("数值「" + shown + "」过大", "the number '" + shown + "' is too large");
        }
    }

    static BigDecimal canonical(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        // stripTrailingZeros turns 17000 into 1.7E+4; a scale of 0 keeps toString() plain.
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
