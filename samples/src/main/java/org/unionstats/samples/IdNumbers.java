package org.unionstats.samples;

import java.time.LocalDate;

/**
 * Fake 18-digit resident identity numbers (GB 11643): 6-digit region, birth date, 3-digit sequence whose parity
 * gives the sex (odd = male), and an ISO 7064 MOD 11-2 check character. The people are invented; only the shape
 * is real, so ingestion's masking and validation have something realistic to chew on.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {}

    /** The check character for the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("expected 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at position " + (i + 1) + ": " + first17);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** True for 18 characters whose last one is the right check character. */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 18 || !id.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Character.toUpperCase(id.charAt(17)) == checkCharacter(id.substring(0, 17));
    }

    /** A valid number for someone registered in {@code regionCode}, born on {@code birth}. */
    static String generate(String regionCode, LocalDate birth, boolean male, Rng rng) {
        int sequence = rng.between(0, 99) * 10 + rng.between(0, 4) * 2 + (male ? 1 : 0);
        String first17 = regionCode + String.format("%04d%02d%02d%03d",
                birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), sequence);
        return first17 + checkCharacter(first17);
    }

    /** A random birthday in the given year. */
    static LocalDate birthday(int year, Rng rng) {
        return LocalDate.ofYearDay(year, rng.between(1, LocalDate.of(year, 1, 1).lengthOfYear()));
    }
}
