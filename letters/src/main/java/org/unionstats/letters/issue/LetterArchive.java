package org.unionstats.letters.issue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.unionstats.letters.render.PdfLetters;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * The PDF of each issued edition, as printed, in the warehouse's letter archive ({@link WarehouseLayout#letterArchive()}),
 * for the dashboards to link to. Written before the edition is recorded, so every recorded edition has its PDF; each file
 * is written whole and then moved in, read-only. The only file ever replaced is one an issue that failed left behind
 * before recording its edition: the edition that next takes its number is the one issued.
 */
public final class LetterArchive {

    private final WarehouseLayout layout;

    public LetterArchive(WarehouseLayout layout) {
        this.layout = layout;
    }

    /** @return the files written, one per edition */
    public List<Path> keep(List<Edition> editions) {
        List<Path> targets = editions.stream().map(this::file).toList();
        List<Path> staged = new ArrayList<>();
        try {
            for (Path target : targets) {
                Files.createDirectories(target.getParent());
                staged.add(Files.createTempFile(target.getParent(), ".", ".pdf.tmp"));
            }
            PdfLetters.write(editions.stream().map(Edition::letter).toList(), staged);
            for (int i = 0; i < targets.size(); i++) {
                Files.setPosixFilePermissions(staged.get(i), PosixFilePermissions.fromString("r--r--r--"));
                Files.move(staged.get(i), targets.get(i), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return targets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive the issued letters in " + layout.letterArchive() + ": " + e.getMessage(), e);
        } finally {
            for (Path p : staged) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // A staged file left behind starts with a dot: nothing reads it, the next issue makes its own.
                }
            }
        }
    }

    private Path file(Edition e) {
        return layout.archivedLetter(e.letter().cityCode(), e.letter().quarter(), e.letterId(), e.number());
    }
}
