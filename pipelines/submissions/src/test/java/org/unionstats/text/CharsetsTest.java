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

    @Test
    void aUtf8FileWithOneDamagedByteStaysUtf8AndTheDamageIsVisible() throws Exception {
        String good = "会员编号,所属工会代码,变动类型,变动日期\nM1,130306-0001,入会,2024-07-05\nM2,130306-0001,退会,2024-07-06\n";
        byte[] bytes = concat(good.getBytes(StandardCharsets.UTF_8), new byte[] {'M', '3', ',', (byte) 0xFF, ',', 'x', '\n'});

        assertThat(Charsets.detect(bytes)).isEqualTo(StandardCharsets.UTF_8);
        String text = read(Charsets.reader(bytes));
        assertThat(text).startsWith(good).endsWith("M3,\uFFFD,x\n");
        assertThat(Charsets.decode(bytes)).isEqualTo(text);
    }

    @Test
    void aGbkFileWithADamagedByteStaysGb18030() throws Exception {
        String text = "档案编号,致困原因,状态\nK001,因病,在档\nK002,因学,已解困脱困\n";
        byte[] bytes = concat(text.getBytes(GBK), new byte[] {'K', '3', ',', (byte) 0x81, ',', 'x', '\n'});

        assertThat(Charsets.detect(bytes)).isEqualTo(Charsets.GB18030);
        assertThat(read(Charsets.reader(bytes))).startsWith(text).contains("\uFFFD");
    }

    @Test
    void theReaderSkipsTheBomAndReplacesDamagedBytesOnePerSequence() throws Exception {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, concat("入会,".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xE5, (byte) 0x85, ',', 'a'}));

        assertThat(read(Charsets.reader(bytes))).isEqualTo("入会,\uFFFD,a");
    }

    @Test
    void evidenceCountsCharactersAndDamage() {
        Charsets.Utf8Evidence e = Charsets.utf8Evidence(concat("入会".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF}));
        assertThat(e.multiByte()).isEqualTo(2);
        assertThat(e.malformed()).isEqualTo(1);
    }

    private static String read(java.io.Reader reader) throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[3];
        for (int n = reader.read(buffer); n > 0; n = reader.read(buffer)) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
