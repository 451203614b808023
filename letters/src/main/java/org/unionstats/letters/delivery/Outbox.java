package org.unionstats.letters.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.unionstats.letters.CityLetters;
import org.unionstats.letters.Issuing;
import org.unionstats.letters.LetterFormat;
import org.unionstats.letters.LetterRequest;

/**
 * The folder a quarter's letters are delivered into: {@code <outbox>/<city code>/<quarter>/}, a PDF per county-level
 * unit and the city's workbook. Writing a city's quarter again replaces its folder whole: the letters are written
 * into a hidden folder beside it, which is then moved into place, so a reader never sees half a quarter.
 */
public final class Outbox {

    private final Path root;
    private final CityLetters letters;

    public Outbox(Path root, CityLetters letters) {
        this.root = root.toAbsolutePath().normalize();
        this.letters = letters;
    }

    /** A city's quarter in the outbox: its folder, each county's PDF by county code (in code order), and the workbook. */
    public record CityQuarter(Path folder, Map<String, Path> pdfs, Path workbook) {
        public CityQuarter {
            pdfs = Collections.unmodifiableMap(new TreeMap<>(pdfs));
        }
    }

    public CityQuarter write(Path warehouse, String cityCode, String quarter, LocalDate date) {
        Path city = root.resolve(cityCode);
        Path target = city.resolve(quarter);
        try {
            Files.createDirectories(city);
            Path staging = Files.createTempDirectory(city, "." + quarter + "-");
            try {
                letters.write(new LetterRequest(warehouse, cityCode, quarter, LetterFormat.PDF, staging, date, Issuing.RENDER));
                letters.write(new LetterRequest(warehouse, cityCode, quarter, LetterFormat.XLSX, staging, date, Issuing.RENDER));
                replace(staging, target);
            } finally {
                deleteTree(staging);
            }
            return read(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the letters of " + cityCode + " " + quarter + " into " + target, e);
        }
    }

    /** Moves the staged folder into place; a folder already there is moved aside first and removed after. */
    private static void replace(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + "-replaced-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Letter files are named 2024Q3-130302-海港区-季度指导书.pdf: the county code is the second part. */
    private static CityQuarter read(Path folder) throws IOException {
        Map<String, Path> pdfs = new TreeMap<>();
        Path workbook = null;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".pdf")) {
                    pdfs.put(name.split("-")[1], file);
                } else if (name.endsWith(".xlsx")) {
                    workbook = file;
                }
            }
        }
        return new CityQuarter(folder, pdfs, workbook);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
