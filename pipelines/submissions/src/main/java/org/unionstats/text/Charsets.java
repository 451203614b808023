package org.unionstats.text;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Tells UTF-8 from GB18030 in submitted text files. Unions send both (Excel on Chinese Windows
 * saves CSV in GBK) and cannot be asked which one they used.
 *
 * <p>A file is read whole in one charset, never switched half way. Bytes that are not valid in
 * the chosen charset become U+FFFD ({@link TextHazards#REPLACEMENT}), so the reader can refuse
 * exactly the rows they touch instead of garbling the file or dropping it.
 */
public final class Charsets {

    /** A superset of GBK and GB2312, so it reads whatever a Chinese Windows machine wrote. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Charsets() {}

    /**
     * UTF-8 when the bytes start with a UTF-8 byte order mark, are valid UTF-8 throughout, or are
     * mostly valid UTF-8 (at least as many well-formed multi-byte characters as malformed
     * sequences: a UTF-8 file with a damaged byte stays UTF-8); otherwise GB18030. Chinese text
     * in GBK is practically never valid UTF-8: about one GBK character in ten happens to form a
     * UTF-8 sequence, so the test has a wide margin on both sides.
     */
    public static Charset detect(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (hasUtf8Bom(bytes)) {
            return StandardCharsets.UTF_8;
        }
        Utf8Evidence e = utf8Evidence(bytes);
        return e.malformed() == 0 || e.multiByte() >= e.malformed() ? StandardCharsets.UTF_8 : GB18030;
    }

    /**
     * The text, decoded with the detected charset and without a leading byte order mark; bytes
     * not valid in that charset become U+FFFD. Reads the whole text into memory: use
     * {@link #reader(byte[])} for submissions.
     */
    public static String decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        Charset charset = detect(bytes);
        int start = hasUtf8Bom(bytes) ? UTF8_BOM.length : 0;
        String text;
        try {
            text = decoder(charset).decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // a replacing decoder does not throw
        }
        // A BOM in the other charset would otherwise stick to the first header name and hide it from matching.
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** A reader over the bytes in the detected charset, the UTF-8 byte order mark skipped; see {@link #reader(byte[], Charset)}. */
    public static Reader reader(byte[] bytes) {
        return reader(bytes, detect(bytes));
    }

    /**
     * A streaming reader over the bytes: nothing is decoded until it is read. Malformed or
     * unmappable bytes become U+FFFD, one per malformed sequence, and never swallow the line
     * breaks or separators that follow them. A leading UTF-8 byte order mark is skipped.
     */
    public static Reader reader(byte[] bytes, Charset charset) {
        Objects.requireNonNull(bytes, "bytes");
        int start = charset.equals(StandardCharsets.UTF_8) && hasUtf8Bom(bytes) ? UTF8_BOM.length : 0;
        return new InputStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start), decoder(charset));
    }

    /** True when the bytes start with the UTF-8 byte order mark. */
    public static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    /** How the bytes read as UTF-8: well-formed characters of two or more bytes, and malformed sequences. */
    public record Utf8Evidence(long multiByte, long malformed) {}

    /** Counts well-formed multi-byte characters and malformed sequences, with the JDK's own UTF-8 decoder. */
    public static Utf8Evidence utf8Evidence(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        long multiByte = 0;
        long malformed = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            while (out.hasRemaining()) {
                char c = out.get();
                if (c >= 0x80 && !Character.isLowSurrogate(c)) {
                    multiByte++;
                }
            }
            out.clear();
            if (result.isError()) {
                malformed++;
                in.position(in.position() + result.length());
            } else if (result.isUnderflow()) {
                break;
            }
        }
        return new Utf8Evidence(multiByte, malformed);
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(TextHazards.REPLACEMENT));
    }
}
