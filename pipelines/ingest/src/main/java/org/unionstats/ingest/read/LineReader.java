package org.unionstats.ingest.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text stream, each at most {@code maxChars} long: a longer line is reported as too
 * long and skipped without being held in memory. Ends lines at {@code \n}; a {@code \r} before
 * it is dropped.
 */
final class LineReader {

    /** One line: its 1-based number and its text, or null text when it was longer than the limit. */
    record Line(int number, String text, long length) {
        boolean tooLong() {
            return text == null;
        }

        boolean blank() {
            return text != null && text.isBlank();
        }
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int pos;
    private int end;
    private int number;
    private boolean eof;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        if (eof && pos >= end) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos >= end) {
                end = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    eof = true;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            length += n;
            if (line != null) {
                if (length > maxChars) {
                    line = null;
                } else {
                    line.append(buffer, start, n);
                }
            }
            if (pos < end) {
                pos++; // the \n
                break;
            }
        }
        number++;
        if (line == null) {
            return new Line(number, null, length);
        }
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
            line.setLength(len - 1);
        }
        return new Line(number, line.toString(), length);
    }
}
