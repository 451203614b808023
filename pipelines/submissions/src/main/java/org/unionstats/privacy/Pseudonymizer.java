package org.unionstats.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms (HMAC-SHA256) for personal identifiers: the same id under the same key always
 * gives the same pseudonym, so counts of distinct people still work, but the id cannot be
 * recovered without the key, which never enters the warehouse.
 */
public final class Pseudonymizer implements Serializable {

    private static final String ALGORITHM = "HmacSHA256";
    private final byte[] key;
    private transient Mac mac;

    public Pseudonymizer(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a pseudonym key needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    /**
     * @param domain what the id is ({@code id_number}, {@code member_id:130306}): equal ids in
     *     different domains get unrelated pseudonyms
     */
    public String pseudonym(String domain, String value) {
        String canonical = value.strip().toUpperCase(Locale.ROOT);
        byte[] digest = mac().doFinal((domain + '\u0000' + canonical).getBytes(StandardCharsets.UTF_8));
        // 128 bits: collision-free at any realistic membership size, half the storage of 256.
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private Mac mac() {
        if (mac == null) {
            try {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(key, ALGORITHM));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        }
        return mac;
    }
}
