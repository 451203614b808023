package org.unionstats.letters.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.unionstats.letters.compose.Letter;

/** Lays a city's letters out in one format and writes them into a folder. */
public interface LetterWriter {

    /** @return the files written, in order */
    List<Path> write(List<Letter> letters, Path folder) throws IOException;
}
