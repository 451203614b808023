package org.unionstats.letters.render;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text flowing down A4 pages: paragraphs broken into lines, tables whose rows do not split (the heading row repeats
 * on a new page), rules, and page numbers in the style of official documents (— 1 —) once the flow is done. Lengths
 * are in points (1/72 inch).
 */
final class PdfFlow implements AutoCloseable {

    enum Align { LEFT, CENTER, RIGHT }

    /** How a paragraph looks: its face, size, line height (a multiple of the size), alignment, colour and hanging indent. */
    record Style(PDFont font, float size, float leading, Align align, Color color, float hang) {

        Style hanging(float points) {
            return new Style(font, size, leading, align, color, points);
        }

        float lineHeight() {
            return size * leading;
        }
    }

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN_X = 72;
    static final float MARGIN_TOP = 64;
    static final float MARGIN_BOTTOM = 72;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN_X;
    /** Where the baseline sits in a line box, as a share of the font size below the box's middle. */
    private static final float BASELINE = 0.36f;
    private static final float CELL_PADDING = 3;

    private final PDDocument document;
    private final LetterFonts fonts;
    private final PDFont pageNumberFont;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    PdfFlow(PDDocument document, LetterFonts fonts, PDFont pageNumberFont) throws IOException {
        this.document = document;
        this.fonts = fonts;
        this.pageNumberFont = pageNumberFont;
        newPage();
    }

    void space(float points) throws IOException {
        if (y - points < MARGIN_BOTTOM) {
            newPage();
        } else {
            y -= points;
        }
    }

    void paragraph(String text, Style style) throws IOException {
        String drawable = drawable(text);
        float hang = style.hang();
        List<String> lines = LineBreaker.lines(drawable, WIDTH, WIDTH - hang, s -> width(s, style));
        if (style.align() == Align.CENTER && lines.size() > 1) {
            lines = balanced(drawable, lines.size(), style);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (y - style.lineHeight() < MARGIN_BOTTOM) {
                newPage();
            }
            float w = width(lines.get(i), style);
            float x = switch (style.align()) {
                case LEFT -> MARGIN_X + (i == 0 ? 0 : hang);
                case CENTER -> MARGIN_X + (WIDTH - w) / 2;
                case RIGHT -> MARGIN_X + WIDTH - w;
            };
            text(lines.get(i), x, y - style.lineHeight(), style);
            y -= style.lineHeight();
        }
    }

    /** The narrowest lines that still take no more lines: a centred title breaks into lines of even length. */
    private List<String> balanced(String text, int count, Style style) {
        float low = WIDTH / count;
        float high = WIDTH;
        while (high - low > 1) {
            float mid = (low + high) / 2;
            if (LineBreaker.lines(text, mid, s -> width(s, style)).size() > count) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return LineBreaker.lines(text, high, s -> width(s, style));
    }

    void rule(Color color, float thickness) throws IOException {
        content.setStrokingColor(color);
        content.setLineWidth(thickness);
        content.moveTo(MARGIN_X, y);
        content.lineTo(MARGIN_X + WIDTH, y);
        content.stroke();
        content.setStrokingColor(Color.BLACK);
    }

    /**
     * A table with a heading row: each column's share of the width, the first column left-aligned and the others
     * centred.
     */
    void table(List<String> headings, List<List<String>> rows, float[] shares, Style cell, Style heading) throws IOException {
        float[] widths = new float[shares.length];
        for (int i = 0; i < shares.length; i++) {
            widths[i] = shares[i] * WIDTH;
        }
        tableRow(headings, widths, heading, new Color(0xEE, 0xEE, 0xEE));
        for (List<String> row : rows) {
            if (y - rowHeight(row, widths, cell) < MARGIN_BOTTOM) {
                newPage();
                tableRow(headings, widths, heading, new Color(0xEE, 0xEE, 0xEE));
            }
            tableRow(row, widths, cell, null);
        }
    }

    private void tableRow(List<String> cells, float[] widths, Style style, Color fill) throws IOException {
        float height = rowHeight(cells, widths, style);
        if (y - height < MARGIN_BOTTOM) {
            newPage();
        }
        float x = MARGIN_X;
        for (int c = 0; c < cells.size(); c++) {
            if (fill != null) {
                content.setNonStrokingColor(fill);
                content.addRect(x, y - height, widths[c], height);
                content.fill();
            }
            content.setStrokingColor(Color.GRAY);
            content.setLineWidth(0.5f);
            content.addRect(x, y - height, widths[c], height);
            content.stroke();
            float inner = widths[c] - 2 * CELL_PADDING;
            float lineY = y - CELL_PADDING;
            for (String line : LineBreaker.lines(drawable(cells.get(c)), inner, s -> width(s, style))) {
                float w = width(line, style);
                float lx = c == 0 ? x + CELL_PADDING : x + (widths[c] - w) / 2;
                text(line, lx, lineY - style.lineHeight(), style);
                lineY -= style.lineHeight();
            }
            x += widths[c];
        }
        y -= height;
    }

    private float rowHeight(List<String> cells, float[] widths, Style style) {
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            lines = Math.max(lines, LineBreaker.lines(drawable(cells.get(c)), widths[c] - 2 * CELL_PADDING, s -> width(s, style)).size());
        }
        return lines * style.lineHeight() + 2 * CELL_PADDING;
    }

    /** Draws one line whose line box starts at {@code bottom}. */
    private void text(String line, float x, float bottom, Style style) throws IOException {
        content.beginText();
        content.setFont(style.font(), style.size());
        content.setNonStrokingColor(style.color());
        content.newLineAtOffset(x, bottom + style.lineHeight() / 2 - style.size() * BASELINE);
        content.showText(line);
        content.endText();
        content.setNonStrokingColor(Color.BLACK);
    }

    private float width(String text, Style style) {
        try {
            return style.font().getStringWidth(text) / 1000 * style.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with any character the font cannot draw replaced, so a stray symbol in a message cannot stop a letter. */
    private String drawable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t') {
                out.append(' ');
            } else if (fonts.draws(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN_TOP;
    }

    /** Ends the flow and numbers the pages. */
    @Override
    public void close() throws IOException {
        content.close();
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
                String number = "— " + (i + 1) + " —";
                float size = 10;
                float w = pageNumberFont.getStringWidth(number) / 1000 * size;
                footer.beginText();
                footer.setFont(pageNumberFont, size);
                footer.newLineAtOffset((PAGE.getWidth() - w) / 2, MARGIN_BOTTOM / 2);
                footer.showText(number);
                footer.endText();
            }
        }
    }
}
