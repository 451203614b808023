package org.unionstats.letters.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The letters' CJK font, Noto Sans SC Regular and Bold (SIL Open Font License 1.1), read once from the classpath
 * (the build puts it there: letters/font/fetch) and embedded in each PDF as a subset of the glyphs it uses.
 */
final class LetterFonts implements AutoCloseable {

    static final String RESOURCES = "/unionstats/letters/fonts/";

    /** The two faces as one document uses them. */
    record Faces(PDType0Font regular, PDType0Font bold) {}

    private final TrueTypeFont regular;
    private final TrueTypeFont bold;
    private final CmapLookup glyphs;

    private LetterFonts(TrueTypeFont regular, TrueTypeFont bold) throws IOException {
        this.regular = regular;
        this.bold = bold;
        this.glyphs = regular.getUnicodeCmapLookup();
    }

    static LetterFonts load() {
        try {
            return new LetterFonts(parse("NotoSansSC-Regular.ttf"), parse("NotoSansSC-Bold.ttf"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the letters' font", e);
        }
    }

    Faces embedIn(PDDocument document) throws IOException {
        return new Faces(PDType0Font.load(document, regular, true), PDType0Font.load(document, bold, true));
    }

    /** Whether the font draws this character (the same set in both faces). */
    boolean draws(int codePoint) {
        return glyphs.getGlyphId(codePoint) != 0;
    }

    private static TrueTypeFont parse(String file) throws IOException {
        try (InputStream in = LetterFonts.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("the letters' font " + file + " is not on the classpath: rebuild with Maven, which fetches it"
                        + " (letters/font/fetch needs npm once)");
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in));
        }
    }

    @Override
    public void close() throws IOException {
        regular.close();
        bold.close();
    }
}
