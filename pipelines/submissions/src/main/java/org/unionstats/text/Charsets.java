package org.unionstats.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Tells UTF-8 from GB18030 in submitted text files. Unions send both (Excel on Chinese Windows
 * saves CSV in GBK) and cannot be asked which one they used.
 */
public final class Charsets {

    /** A superset of GBK and GB2312, so it reads whatever a Chinese Windows machine wrote. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Charsets() {}

    /**
     * UTF-8 when the bytes start with a UTF-8 byte order mark or are valid UTF-8 throughout,
     * otherwise GB18030. Chinese text in GBK is practically never valid UTF-8, so the strict
     * UTF-8 test is a reliable discriminator.
     */
    public static Charset detect(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return hasUtf8Bom(bytes) || strictUtf8(bytes) != null ? StandardCharsets.UTF_8 : GB18030;
    }

    /** The text, decoded with the detected charset and without a leading byte order mark. */
    public static String decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        String text = strictUtf8(bytes);
        if (text == null) {
            text = hasUtf8Bom(bytes)
                    ? new String(bytes, StandardCharsets.UTF_8) // damaged UTF-8: keep what can be read
                    : new String(bytes, GB18030);
        }
        // The BOM would otherwise stick to the first header name and hide it from matching.
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    /** The bytes decoded as UTF-8, or null when they are not valid UTF-8. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
