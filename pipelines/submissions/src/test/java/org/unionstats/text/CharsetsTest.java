package org.unionstats.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {

    private static final String HEADER = "会员编号,所属工会代码,变动类型\nM001,130306-0042,入会\n";
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void utf8WithoutBom() {
        byte[] bytes = HEADER.getBytes(StandardCharsets.UTF_8);

        assertThat(Charsets.detect(bytes)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Charsets.decode(bytes)).isEqualTo(HEADER);
    }

    @Test
    void utf8WithBomLosesTheBom() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, HEADER.getBytes(StandardCharsets.UTF_8));

        assertThat(Charsets.detect(bytes)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Charsets.decode(bytes)).isEqualTo(HEADER).startsWith("会员编号");
    }

    @Test
    void gbkAsWrittenByExcelOnChineseWindows() {
        byte[] bytes = HEADER.getBytes(GBK);

        assertThat(Charsets.detect(bytes)).isEqualTo(Charsets.GB18030);
        assertThat(Charsets.decode(bytes)).isEqualTo(HEADER);
    }

    @Test
    void gb18030() {
        String text = "帮扶金额（元）,致困原因\n1.7万,因病\n";
        byte[] bytes = text.getBytes(Charsets.GB18030);

        assertThat(Charsets.detect(bytes)).isEqualTo(Charsets.GB18030);
        assertThat(Charsets.decode(bytes)).isEqualTo(text);
    }

    @Test
    void shortGbkTextIsNotMistakenForUtf8() {
        // Two characters only: the least evidence a strict UTF-8 check has to go on.
        byte[] bytes = "入会".getBytes(GBK);

        assertThat(Charsets.detect(bytes)).isEqualTo(Charsets.GB18030);
        assertThat(Charsets.decode(bytes)).isEqualTo("入会");
    }

    @Test
    void asciiAndEmptyInputAreUtf8() {
        assertThat(Charsets.detect("member_id,org_code\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(Charsets.detect(new byte[0])).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Charsets.decode(new byte[0])).isEmpty();
    }

    @Test
    void bomOnlyFileDecodesToNothing() {
        assertThat(Charsets.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isEmpty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
