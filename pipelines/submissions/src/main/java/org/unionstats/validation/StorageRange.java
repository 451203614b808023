package org.unionstats.validation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * What the warehouse type of a numeric field can hold: an {@code int} or {@code long}, or a
 * {@code decimal(precision, scale)}. A value is checked after rounding to the stored scale, the way
 * {@link RecordBuilder} rounds it (half up), so what is checked is what would be stored.
 *
 * @param min the smallest storable value
 * @param max the largest storable value
 * @param scale the digits kept after the point (0 for whole numbers)
 * @param integerDigits the digits before the point a decimal holds, or 0 for int and long
 */
record StorageRange(BigDecimal min, BigDecimal max, int scale, int integerDigits) implements Serializable {

    private static final StorageRange INT =
            new StorageRange(BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE), 0, 0);
    private static final StorageRange LONG =
            new StorageRange(BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE), 0, 0);

    /** The range of a field's type (its non-null branch), or null when the type is not numeric. */
    static StorageRange of(Schema fieldSchema) {
        Schema s = fieldSchema;
        if (s.getType() == Schema.Type.UNION) {
            s = s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElse(s);
        }
        if (s.getLogicalType() instanceof LogicalTypes.Decimal d) {
            int digits = d.getPrecision() - d.getScale();
            BigDecimal max = BigDecimal.TEN.pow(digits).subtract(BigDecimal.ONE.movePointLeft(d.getScale()));
            return new StorageRange(max.negate(), max, d.getScale(), digits);
        }
        if (s.getLogicalType() != null) {
            return null; // dates are ints too, but not numbers a clerk writes
        }
        return switch (s.getType()) {
            case INT -> INT;
            case LONG -> LONG;
            default -> null;
        };
    }

    /** The value as it would be stored: rounded half up to the scale, without trailing zeros. */
    BigDecimal rounded(BigDecimal value) {
        BigDecimal r = value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    boolean holds(BigDecimal rounded) {
        return rounded.compareTo(min) >= 0 && rounded.compareTo(max) <= 0;
    }
}
