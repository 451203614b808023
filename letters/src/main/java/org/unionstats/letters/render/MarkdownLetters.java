package org.unionstats.letters.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unionstats.letters.compose.KpiRow;
import org.unionstats.letters.compose.Letter;

/** One Markdown file per letter: for reading in a browser or pasting into a document. */
public final class MarkdownLetters implements LetterWriter {

    @Override
    public List<Path> write(List<Letter> letters, Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Letter letter : letters) {
            Path file = folder.resolve(FileNames.county(letter, "md"));
            Files.writeString(file, markdown(letter), StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }

    static String markdown(Letter l) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(l.heading()).append("**　").append(l.reference()).append("\n\n");
        md.append("# ").append(l.title()).append("\n\n");
        md.append(l.addressee()).append("\n\n");
        md.append(l.opening()).append("\n\n");
        md.append("## ").append(Letter.KPI_SECTION).append("\n\n");
        if (!l.kpis().isEmpty()) {
            md.append(row(KpiRow.HEADINGS)).append("|---|").append("---:|".repeat(KpiRow.HEADINGS.size() - 1)).append('\n');
            l.kpis().forEach(r -> md.append(row(r.cells())));
            md.append('\n');
        }
        l.kpiNotes().forEach(n -> md.append(n).append("\n\n"));
        md.append("## ").append(Letter.EVALUATION_SECTION).append("\n\n");
        l.evaluation().forEach(s -> md.append(s).append("\n\n"));
        md.append("## ").append(Letter.PRIORITIES_SECTION).append("\n\n");
        for (int i = 0; i < l.priorities().size(); i++) {
            md.append(i + 1).append(". ").append(l.priorities().get(i)).append('\n');
        }
        if (!l.opinions().isEmpty()) {
            md.append("\n### ").append(Letter.OPINIONS_PART).append("\n\n");
            for (int i = 0; i < l.opinions().size(); i++) {
                md.append(l.priorities().size() + i + 1).append(". ").append(l.opinions().get(i)).append('\n');
            }
        }
        md.append('\n').append(l.itemNote()).append('\n');
        md.append("\n## ").append(Letter.QUALITY_SECTION).append("\n\n");
        l.reportingNotes().forEach(n -> md.append("- ").append(n).append('\n'));
        md.append('\n');
        l.findingNotes().forEach(n -> md.append("- ").append(n).append('\n'));
        if (!l.followUps().isEmpty()) {
            md.append("\n## ").append(Letter.FOLLOW_UP_SECTION).append("\n\n").append(l.followUps().get(0)).append("\n\n");
            l.followUps().stream().skip(1).forEach(f -> md.append("- ").append(f).append('\n'));
        }
        md.append('\n').append(l.closing()).append("\n\n");
        md.append(l.sender()).append("  \n").append(l.date()).append('\n');
        if (!l.corrections().isEmpty()) {
            md.append("\n---\n\n## ").append(Letter.CORRECTIONS_SECTION).append("\n\n");
            l.corrections().forEach(c -> md.append("- ").append(c).append('\n'));
        }
        return md.toString();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |\n";
    }
}
