package org.unionstats.letters.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.testing.FixtureCity;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * The fixture city's 2024Q3 letters delivered through an SMTP server started by the test. dim_orgs of the fixture has
 * four county-level units under 秦皇岛市 (海港区 130302, 山海关区 130303, 卢龙县 130324, 北戴河新区 130372): four
 * PDFs and one workbook; the delivery file gives addresses to three, so three mails go out and 卢龙县 is reported not sent.
 */
class DeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final LocalDate SIGNED = LocalDate.of(2024, 10, 15);

    @TempDir
    Path tmp;

    private Path warehouse;
    private Path outbox;

    @BeforeEach
    void fixture() throws Exception {
        warehouse = tmp.resolve("warehouse");
        outbox = tmp.resolve("outbox");
        FixtureCity.write(warehouse);
    }

    private DeliveryReport deliver() throws IOException {
        Path file = tmp.resolve("delivery.yaml");
        Files.writeString(file, """
                smtp:
                  host: 127.0.0.1
                  port: %d
                  tls: false
                  sender: zhidao@qhd.example.cn
                cities:
                  "130300":
                    counties:
                      "130302": [zgh@hg.example.cn]
                      "130303": [zgh@shg.example.cn, bgs@shg.example.cn]
                      "130372": [zgh@bdhxq.example.cn]
                    cc: [zzb@qhd.example.cn]
                """.formatted(SMTP.getSmtp().getPort()));
        DeliveryConfig config = DeliveryConfig.load(file, RegionDirectory.loadDefault());
        return new Delivery(RegionDirectory.loadDefault(), TableCatalog.load(), config, Map.of())
                .deliver(warehouse, outbox, FixtureCity.QUARTER, SIGNED);
    }

    @Test
    void everyCountyReceivesExactlyItsLetter() throws Exception {
        DeliveryReport report = deliver();

        assertThat(report.cities()).singleElement().satisfies(city -> {
            assertThat(city.error()).isNull();
            assertThat(city.letters()).isEqualTo(4);
            assertThat(city.mails()).extracting(DeliveryReport.Mail::countyCode, DeliveryReport.Mail::sent).containsExactly(
                    tuple("130302", true), tuple("130303", true),
                    tuple("130324", false), tuple("130372", true));
        });
        assertThat(report.complete()).isFalse();
        assertThat(report.summary()).contains("4 letter(s) in the outbox, 3 mailed", "130324 卢龙县: no address in the delivery file");

        assertLetter(List.of("zgh@hg.example.cn"), "海港区", "130302");
        assertLetter(List.of("zgh@shg.example.cn", "bgs@shg.example.cn"), "山海关区", "130303");
        assertLetter(List.of("zgh@bdhxq.example.cn"), "北戴河新区", "130372");
        // Three mails, each delivered to its addresses and the city's copy: 2 + 3 + 2 copies, none for 卢龙县.
        assertThat(SMTP.getReceivedMessages()).hasSize(7);
    }

    /**
     * The mails with the county's subject: one delivered copy per address it went to (its own and the city's copy), each
     * addressed to exactly that county and carrying that county's letter and nothing else.
     */
    private static void assertLetter(List<String> to, String county, String code) throws Exception {
        String subject = "秦皇岛市总工会2024年第三季度工作指导意见（致" + county + "总工会）";
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (subject.equals(message.getSubject())) {
                received.add(message);
            }
        }
        assertThat(received).hasSize(to.size() + 1);
        for (MimeMessage message : received) {
            assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Address::toString)).containsExactlyElementsOf(to);
            assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.CC)).map(Address::toString)).containsExactly("zzb@qhd.example.cn");
            assertThat(message.getFrom()[0].toString()).isEqualTo("zhidao@qhd.example.cn");
            Multipart parts = (Multipart) message.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat((String) parts.getBodyPart(0).getContent()).startsWith(county + "总工会：");
            assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("2024Q3-" + code + "-" + county + "-季度指导书.pdf");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("application/pdf");
            assertThat(parts.getBodyPart(1).getInputStream().readNBytes(5)).asString().isEqualTo("%PDF-");
        }
    }

    @Test
    void theOutboxHoldsOnePdfPerCountyAndTheWorkbook() throws Exception {
        deliver();
        Path folder = outbox.resolve("130300").resolve("2024Q3");
        assertThat(names(folder)).containsExactly(
                "2024Q3-130300-秦皇岛市-县区季度指导书.xlsx",
                "2024Q3-130302-海港区-季度指导书.pdf",
                "2024Q3-130303-山海关区-季度指导书.pdf",
                "2024Q3-130324-卢龙县-季度指导书.pdf",
                "2024Q3-130372-北戴河新区-季度指导书.pdf");
    }

    @Test
    void deliveringAgainReplacesTheQuarterWhole() throws Exception {
        deliver();
        Path folder = outbox.resolve("130300").resolve("2024Q3");
        Files.writeString(folder.resolve("stray.txt"), "left from an earlier run");

        deliver();

        assertThat(names(folder)).hasSize(5).doesNotContain("stray.txt");
        // Nothing staged or moved aside is left beside the quarter.
        assertThat(names(outbox.resolve("130300"))).containsExactly("2024Q3");
    }

    @Test
    void withoutADeliveryFileEveryCityWithKpisGetsItsOutboxAndNoMail() {
        DeliveryReport report = new Delivery(RegionDirectory.loadDefault(), TableCatalog.load(), DeliveryConfig.outboxOnly(), Map.of())
                .deliver(warehouse, outbox, FixtureCity.QUARTER, SIGNED);
        // The fixture's scorecard has county rows of 秦皇岛市 (four units in dim_orgs) and 石家庄市 (长安区 alone).
        assertThat(report.cities()).extracting(DeliveryReport.CityResult::cityCode, DeliveryReport.CityResult::letters)
                .containsExactly(tuple("130100", 1), tuple("130300", 4));
        assertThat(report.cities()).allSatisfy(city -> assertThat(city.mails()).isEmpty());
        assertThat(report.complete()).isTrue();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aCityThatCannotBeWrittenIsReportedAndTheOthersGoOn() throws IOException {
        Path file = tmp.resolve("cities.yaml");
        // 唐山市 is not in the fixture warehouse: its letters cannot be written; 秦皇岛市's still are.
        Files.writeString(file, "cities: {\"130200\": {}, \"130300\": {}}");
        DeliveryReport report = new Delivery(RegionDirectory.loadDefault(), TableCatalog.load(),
                DeliveryConfig.load(file, RegionDirectory.loadDefault()), Map.of()).deliver(warehouse, outbox, FixtureCity.QUARTER, SIGNED);
        assertThat(report.cities()).extracting(DeliveryReport.CityResult::cityCode).containsExactly("130200", "130300");
        assertThat(report.cities().get(0).error()).contains("has no union 130200");
        assertThat(report.cities().get(1).letters()).isEqualTo(4);
        assertThat(report.complete()).isFalse();
        assertThat(outbox.resolve("130200")).isEmptyDirectory();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
