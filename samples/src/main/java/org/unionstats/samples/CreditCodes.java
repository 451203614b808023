package org.unionstats.samples;

import org.unionstats.orgs.CreditCode;

/**
 * Unified social credit codes (GB 32100) for invented enterprises: {@code 9} (registered by market regulation),
 * {@code 1} (enterprise), the 6-digit region code, a 9-character organisation code (GB 11714, with its own check
 * character) and the GB 32100 check character.
 */
final class CreditCodes {

    /** GB 11714 body characters: digits and capitals, minus the ones GB 32100 leaves out. */
    private static final String BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCodes() {}

    /** A code of an enterprise (91…) or, now and then, an individual business (92…). */
    static String generate(String regionCode, Rng rng) {
        return generate(rng.chance(0.93) ? "91" : "92", regionCode, rng);
    }

    /** A code with the given registration authority and category, e.g. {@code 12} for a public institution. */
    static String generate(String prefix, String regionCode, Rng rng) {
        StringBuilder org = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            // Mostly digits, as most organisation codes are.
            org.append(rng.chance(0.85) ? (char) ('0' + rng.nextInt(10)) : BODY.charAt(10 + rng.nextInt(BODY.length() - 10)));
        }
        org.append(orgCheck(org));
        return CreditCode.withCheckCharacter(prefix + regionCode + org);
    }

    /** The GB 11714 check character of an 8-character organisation code body. */
    static char orgCheck(CharSequence body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** The same code with a different (hence wrong) last character: a typing slip. */
    static String withWrongCheck(String code, Rng rng) {
        char right = code.charAt(17);
        char wrong;
        do {
            wrong = ALPHABET.charAt(rng.nextInt(ALPHABET.length()));
        } while (wrong == right);
        return code.substring(0, 17) + wrong;
    }
}
