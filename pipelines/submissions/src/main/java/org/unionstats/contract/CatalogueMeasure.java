package org.unionstats.contract;

import org.unionstats.values.Unit;

/**
 * What a row's value is counted in when another cell of the row names it in a catalogue: the indicator of an
 * indicator report, the KPI of a target. The value and the 单位 column must agree with its unit.
 */
public interface CatalogueMeasure {

    String id();

    String zhName();

    /** The unit code ({@code persons}, {@code CNY}, {@code ratio} …), stored with the value. */
    String unit();

    /** The unit's Chinese word for messages ({@code 人}, {@code 元}, {@code %}). */
    String unitZh();

    /** The unit with every word that may name it after a number or in the 单位 column. */
    Unit measure();

    /**
     * Whether the value is a rate, stored as a fraction and written as a percentage: {@code 92%} (or 单位 {@code %})
     * is stored as 0.92; a bare number is the fraction itself.
     */
    default boolean percent() {
        return TargetKpi.RATIO.equals(unit());
    }
}
