package org.unionstats.letters;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to write: the letters of one city for one quarter, in one format, into a folder.
 *
 * @param cityCode the city union's code (a city, or a municipality for its districts)
 * @param quarter the quarter, canonical (2024Q3)
 * @param date the date the letters are signed (a letter rendered from its issued edition keeps the date it was signed)
 * @param issuing whether to issue the letters, or render those issued
 */
public record LetterRequest(Path warehouse, String cityCode, String quarter, LetterFormat format, Path out, LocalDate date,
        Issuing issuing) {}
