package org.unionstats.letters.render;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.unionstats.letters.compose.KpiRow;
import org.unionstats.letters.compose.Letter;
import org.unionstats.letters.render.PdfFlow.Align;
import org.unionstats.letters.render.PdfFlow.Style;

/**
 * One PDF per letter, printable on A4: a red letterhead in the manner of official documents, the title, the addressee,
 * the four sections (the KPI table in a grid), the sender and the date; the CJK font embedded as a subset.
 */
public final class PdfLetters implements LetterWriter {

    private static final Color RED = new Color(0xC0, 0x00, 0x00);
    private static final Color GREY = new Color(0x44, 0x44, 0x44);
    /** Shares of the width of the KPI table's columns, in the order of {@link KpiRow#HEADINGS}. */
    private static final float[] COLUMNS = {0.21f, 0.12f, 0.14f, 0.14f, 0.09f, 0.12f, 0.09f, 0.09f};
    /** Two ideographic spaces: the first-line indent of a Chinese paragraph. */
    private static final String INDENT = "\u3000\u3000";

    @Override
    public List<Path> write(List<Letter> letters, Path folder) throws IOException {
        List<Path> files = letters.stream().map(l -> folder.resolve(FileNames.county(l, "pdf"))).toList();
        write(letters, files);
        return files;
    }

    /** Writes each letter into the file of the same position. */
    public static void write(List<Letter> letters, List<Path> files) throws IOException {
        try (LetterFonts fonts = LetterFonts.load()) {
            for (int i = 0; i < letters.size(); i++) {
                try (PDDocument document = new PDDocument()) {
                    lay(letters.get(i), document, fonts);
                    document.save(files.get(i).toFile());
                }
            }
        }
    }

    static void lay(Letter l, PDDocument document, LetterFonts fonts) throws IOException {
        LetterFonts.Faces faces = fonts.embedIn(document);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(l.title());
        info.setAuthor(l.sender());
        info.setSubject(l.heading() + " " + l.reference());
        document.getDocumentCatalog().setLanguage("zh-CN");

        Style letterhead = new Style(faces.bold(), 20, 1.6f, Align.CENTER, RED, 0);
        Style reference = new Style(faces.regular(), 10, 1.6f, Align.RIGHT, GREY, 0);
        Style title = new Style(faces.bold(), 15, 1.7f, Align.CENTER, Color.BLACK, 0);
        Style body = new Style(faces.regular(), 11.5f, 1.8f, Align.LEFT, Color.BLACK, 0);
        Style section = new Style(faces.bold(), 12, 2.0f, Align.LEFT, Color.BLACK, 0);
        Style note = new Style(faces.regular(), 9.5f, 1.6f, Align.LEFT, GREY, 0);
        Style cell = new Style(faces.regular(), 8.5f, 1.45f, Align.LEFT, Color.BLACK, 0);
        Style headingCell = new Style(faces.bold(), 8.5f, 1.45f, Align.LEFT, Color.BLACK, 0);
        Style signature = new Style(faces.regular(), 11.5f, 1.8f, Align.RIGHT, Color.BLACK, 0);

        try (PdfFlow flow = new PdfFlow(document, fonts, faces.regular())) {
            flow.paragraph(l.heading(), letterhead);
            flow.paragraph(l.reference(), reference);
            flow.space(2);
            flow.rule(RED, 1.5f);
            flow.space(14);
            flow.paragraph(l.title(), title);
            flow.space(8);
            flow.paragraph(l.addressee(), body);
            flow.paragraph(INDENT + l.opening(), body);

            flow.paragraph(Letter.KPI_SECTION, section);
            if (!l.kpis().isEmpty()) {
                flow.space(2);
                flow.table(KpiRow.HEADINGS, l.kpis().stream().map(KpiRow::cells).toList(), COLUMNS, cell, headingCell);
                flow.space(4);
            }
            for (String n : l.kpiNotes()) {
                flow.paragraph(n, note);
            }

            flow.paragraph(Letter.EVALUATION_SECTION, section);
            for (String s : l.evaluation()) {
                flow.paragraph(INDENT + s, body);
            }

            flow.paragraph(Letter.PRIORITIES_SECTION, section);
            numbered(flow, l.priorities(), 1, body);
            if (!l.opinions().isEmpty()) {
                flow.paragraph(INDENT + "（二）" + Letter.OPINIONS_PART, body);
                numbered(flow, l.opinions(), l.priorities().size() + 1, body);
            }
            flow.paragraph(INDENT + l.itemNote(), note);

            flow.paragraph(Letter.QUALITY_SECTION, section);
            flow.paragraph(INDENT + "（一）报送情况", body);
            for (String n : l.reportingNotes()) {
                flow.paragraph(INDENT + n, body);
            }
            flow.paragraph(INDENT + "（二）数据质量问题", body);
            for (String n : l.findingNotes()) {
                flow.paragraph(INDENT + n, note);
            }

            if (!l.followUps().isEmpty()) {
                flow.paragraph(Letter.FOLLOW_UP_SECTION, section);
                flow.paragraph(INDENT + l.followUps().get(0), body);
                for (String f : l.followUps().subList(1, l.followUps().size())) {
                    flow.paragraph(INDENT + f, note);
                }
            }

            flow.space(6);
            flow.paragraph(INDENT + l.closing(), body);
            flow.space(24);
            flow.paragraph(l.sender() + INDENT, signature);
            flow.paragraph(l.date() + INDENT, signature);
            if (!l.corrections().isEmpty()) {
                flow.space(14);
                flow.rule(GREY, 0.5f);
                flow.paragraph(Letter.CORRECTIONS_SECTION, section);
                for (String c : l.corrections()) {
                    flow.paragraph(INDENT + c, note);
                }
            }
        }
    }

    /** 1．…, 2．… (from {@code first}) with the lines after the first hanging under the text. */
    private static void numbered(PdfFlow flow, List<String> items, int first, Style style) throws IOException {
        for (int i = 0; i < items.size(); i++) {
            String number = INDENT + (first + i) + "．";
            float hang = style.font().getStringWidth(number) / 1000 * style.size();
            flow.paragraph(number + items.get(i), style.hanging(hang));
        }
    }
}
