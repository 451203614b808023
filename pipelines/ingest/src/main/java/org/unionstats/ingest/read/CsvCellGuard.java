package org.unionstats.ingest.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stands in front of the CSV parser and counts the cells of each record as the characters pass,
 * following the parser's quoting rules (a quote opens a quoted cell only at the start of a cell,
 * {@code ""} inside it is a quote). A record with more cells than {@code maxCells} stops the
 * reading before the parser has built them: a line of a million commas is a million strings.
 */
final class CsvCellGuard extends FilterReader {

    private enum State { CELL_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final int maxCells;
    private final java.util.function.Supplier<RefusedFileException> refusal;
    private State state = State.CELL_START;
    private int cells = 1;

    CsvCellGuard(Reader in, int maxCells, java.util.function.Supplier<RefusedFileException> refusal) {
        super(in);
        this.maxCells = maxCells;
        this.refusal = refusal;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        for (int i = 0; i < n; i++) {
            see(buffer[off + i]);
        }
        return n;
    }

    private void see(char c) {
        switch (state) {
            case CELL_START, UNQUOTED -> {
                if (c == ',') {
                    nextCell();
                } else if (c == '\n' || c == '\r') {
                    endRecord();
                } else if (c == '"' && state == State.CELL_START) {
                    state = State.QUOTED;
                } else {
                    state = State.UNQUOTED;
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (c == '"') {
                    state = State.QUOTED;
                } else if (c == ',') {
                    nextCell();
                } else if (c == '\n' || c == '\r') {
                    endRecord();
                } else {
                    state = State.UNQUOTED;
                }
            }
        }
    }

    private void nextCell() {
        state = State.CELL_START;
        if (++cells > maxCells) {
            throw refusal.get();
        }
    }

    private void endRecord() {
        state = State.CELL_START;
        cells = 1;
    }
}
