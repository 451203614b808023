package org.unionstats.samples;

import java.time.LocalDate;

/**
 * An invented union member.
 *
 * @param category worker_category code: regular, migrant, new_form or dispatched
 * @param gender M or F
 */
record Person(String memberId, String category, String gender, int birthYear, String idNumber) {

    /** A new person aged {@code age} in {@code year}, registered in {@code regionCode}. */
    static Person invent(String memberId, String regionCode, int year, int age, String category, Rng rng) {
        boolean male = rng.chance(category.equals("new_form") ? 0.8 : category.equals("migrant") ? 0.65 : 0.54);
        int birthYear = year - age;
        LocalDate birthday = IdNumbers.birthday(birthYear, rng);
        return new Person(memberId, category, male ? "M" : "F", birthYear,
                IdNumbers.generate(regionCode, birthday, male, rng));
    }

    /** Worker categories of people joining: new-form workers ≈ 12 %, migrant workers ≈ 20 %. */
    static String joinCategory(Rng rng) {
        double x = rng.nextDouble();
        return x < 0.12 ? "new_form" : x < 0.32 ? "migrant" : x < 0.37 ? "dispatched" : "regular";
    }

    /** Worker categories of long-standing members (fewer new-form workers). */
    static String memberCategory(Rng rng) {
        double x = rng.nextDouble();
        return x < 0.06 ? "new_form" : x < 0.24 ? "migrant" : x < 0.28 ? "dispatched" : "regular";
    }

    /** Age of someone joining (mostly 20s and 30s), 18..60. */
    static int joinAge(Rng rng) {
        return clamp((int) Math.round(rng.logNormal(31, 0.25)), 18, 60);
    }

    /** Age of a long-standing member, 22..60. */
    static int memberAge(Rng rng) {
        return clamp((int) Math.round(rng.logNormal(42, 0.2)), 22, 60);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
