package org.unionstats.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void linesAreNumberedCrLfIsDroppedAndLongLinesAreNotHeld() throws Exception {
        LineReader r = new LineReader(new StringReader("a\r\n" + "x".repeat(20_000) + "\n\nb"), 100);
        LineReader.Line a = r.next();
        assertThat(a.text()).isEqualTo("a");
        LineReader.Line longLine = r.next();
        assertThat(longLine.tooLong()).isTrue();
        assertThat(longLine.length()).isEqualTo(20_000);
        assertThat(longLine.number()).isEqualTo(2);
        assertThat(r.next().blank()).isTrue();
        LineReader.Line b = r.next();
        assertThat(b.text()).isEqualTo("b");
        assertThat(b.number()).isEqualTo(4);
        assertThat(r.next()).isNull();
    }
}
