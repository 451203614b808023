package org.unionstats.values;

import java.math.BigDecimal;
import java.util.Objects;
import org.unionstats.privacy.PersonalDataMasker;

/**
 * A number as a clerk wrote it, before its unit is checked: {@code 近90万人次} is 900 000, nearly, in 人次,
 * written with the magnitude word 万.
 *
 * @param written the text as written (for messages; shown only through {@link PersonalDataMasker#echo})
 * @param value the number, magnitude words applied ({@code 2.05亿} is 205 000 000)
 * @param qualifier what the qualifier words say (余 over, 近 nearly, none exact)
 * @param unit the unit word after the number ({@code 人次}, {@code 元}; {@code ¥} in front reads as 元), or
 *     null when none was written
 * @param magnitude the magnitude word that scaled the digits ({@code 万} in {@code 1.7万人}, {@code 两万} in
 *     Chinese numerals), or null
 */
public record WrittenNumber(String written, BigDecimal value, Qualifier qualifier, String unit, String magnitude) {

    public WrittenNumber {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(qualifier, "qualifier");
    }

    public boolean hasUnit() {
        return unit != null;
    }

    /** True when a magnitude word scaled the digits (1.7万, 两万): the number states its own scale. */
    public boolean scaled() {
        return magnitude != null;
    }

    /** The magnitude and unit words as written, for messages: {@code 万元}, {@code 人}, {@code 万}. */
    public String writtenUnit() {
        return (magnitude == null ? "" : magnitude) + (unit == null ? "" : unit);
    }

    /** The number when no unit may follow it (a year, a plain figure); any unit word makes it unreadable. */
    public QualifiedNumber bare() {
        if (unit != null) {
            throw ChineseNumberParser.unreadable(written);
        }
        return new QualifiedNumber(value, qualifier);
    }

    /**
     * The number counted in {@code expected}: without a unit word, or with one that names {@code expected}
     * ({@code 名} for persons, {@code 元} for CNY). A unit of anything else is a {@link UnitMismatchException};
     * a word that is no unit at all makes the number unreadable. A null {@code expected} allows no unit.
     */
    public QualifiedNumber in(Unit expected) {
        if (unit == null) {
            return new QualifiedNumber(value, qualifier);
        }
        if (expected == null) {
            return bare();
        }
        if (expected.accepts(unit)) {
            return new QualifiedNumber(value, qualifier);
        }
        if (Unit.isUnitWord(unit)) {
            String shown = PersonalDataMasker.echo(written);
            throw new UnitMismatchException(writtenUnit(), expected,
                    "「" + shown + "」的单位「" + writtenUnit() + "」与此处的单位「" + expected.zh() + "」不符",
                    "the unit '" + writtenUnit() + "' of '" + shown + "' does not agree with the unit expected here ("
                            + expected.zh() + ", " + expected.code() + ")");
        }
        throw ChineseNumberParser.unreadable(written);
    }
}
