package org.unionstats.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    private static final byte[] KEY = "unionstats-test-key-0001".getBytes(StandardCharsets.UTF_8);
    private static final String ID = "13030619900101123X";

    /** HMAC-SHA256(key, domain + NUL + value), first 16 bytes in hex, computed independently (Python hmac). */
    private static final String ID_NUMBER_PSEUDONYM = "08f593d23d720e1a9401fc7eb44c68e8";

    @Test
    void knownValueIsTheTruncatedHmacOfDomainAndValue() {
        Pseudonymizer p = new Pseudonymizer(KEY);
        assertThat(p.pseudonym("id_number", ID)).isEqualTo(ID_NUMBER_PSEUDONYM);
        assertThat(p.pseudonym("member_id:130306", "M0001")).isEqualTo("464194a4ca6c0a6d7c556831b8eea991");
        assertThat(p.pseudonym("head_id_number", ID)).isEqualTo("de300a6eb2c49eccbc0cd6541e048831");
    }

    @Test
    void stableAcrossCallsAndInstancesWithTheSameKey() {
        Pseudonymizer a = new Pseudonymizer(KEY);
        Pseudonymizer b = new Pseudonymizer(KEY.clone());
        String first = a.pseudonym("id_number", ID);
        assertThat(a.pseudonym("id_number", ID)).isEqualTo(first);
        assertThat(b.pseudonym("id_number", ID)).isEqualTo(first);
    }

    @Test
    void dependsOnTheKey() {
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThat(new Pseudonymizer(other).pseudonym("id_number", ID)).isNotEqualTo(ID_NUMBER_PSEUDONYM);
    }

    @Test
    void dependsOnTheDomain() {
        Pseudonymizer p = new Pseudonymizer(KEY);
        String a = p.pseudonym("member_id:130306", "M0001");
        String b = p.pseudonym("member_id:130322", "M0001");
        assertThat(a).isNotEqualTo(b);
        assertThat(b).isEqualTo("5f660077bb8bbb26634843ce8523ff09");
        assertThat(p.pseudonym("id_number", ID)).isNotEqualTo(p.pseudonym("head_id_number", ID));
    }

    @Test
    void domainAndValueAreSeparated() {
        Pseudonymizer p = new Pseudonymizer(KEY);
        // without a separator "ab" + "C" and "a" + "BC" would hash the same text
        assertThat(p.pseudonym("ab", "C")).isNotEqualTo(p.pseudonym("a", "BC"));
    }

    @Test
    void thirtyTwoLowerCaseHexCharacters() {
        Pseudonymizer p = new Pseudonymizer(KEY);
        for (String v : new String[] {"A", ID, "会员0001", "x"}) {
            assertThat(p.pseudonym("id_number", v)).hasSize(32).matches("[0-9a-f]{32}");
        }
        assertThat(p.pseudonym("id_number", "A")).isEqualTo("ba7bfa5ec0bbf7c06de385f47ac899ea");
    }

    @Test
    void trimsAndUpperCasesTheValue() {
        Pseudonymizer p = new Pseudonymizer(KEY);
        assertThat(p.pseudonym("id_number", "13030619900101123x")).isEqualTo(ID_NUMBER_PSEUDONYM);
        assertThat(p.pseudonym("id_number", "  13030619900101123x\t")).isEqualTo(ID_NUMBER_PSEUDONYM);
        assertThat(p.pseudonym("id_number", "a")).isEqualTo(p.pseudonym("id_number", "A"));
        assertThat(p.pseudonym("member_id:130306", " m0001 ")).isEqualTo("464194a4ca6c0a6d7c556831b8eea991");
    }

    @Test
    void neverReturnsTheValueItself() {
        assertThat(new Pseudonymizer(KEY).pseudonym("id_number", ID)).doesNotContain("130306").doesNotContain("1990");
    }

    @Test
    void keysShorterThanSixteenBytesAreRefused() {
        assertThatThrownBy(() -> new Pseudonymizer(new byte[15]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes");
        assertThat(new Pseudonymizer(new byte[16]).pseudonym("d", "v")).hasSize(32);
    }

    @Test
    void theKeyIsCopied() {
        byte[] key = KEY.clone();
        Pseudonymizer p = new Pseudonymizer(key);
        key[0] ^= 1;
        assertThat(p.pseudonym("id_number", ID)).isEqualTo(ID_NUMBER_PSEUDONYM);
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        Pseudonymizer p = new Pseudonymizer(KEY);
        p.pseudonym("id_number", ID); // initialise the transient Mac before serialising
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        Pseudonymizer copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Pseudonymizer) in.readObject();
        }
        assertThat(copy.pseudonym("id_number", ID)).isEqualTo(ID_NUMBER_PSEUDONYM);
    }
}
