package org.unionstats.letters.delivery;

import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.letters.CityLetters;
import org.unionstats.letters.facts.FactsReader;
import org.unionstats.letters.facts.WarehouseTables;
import org.unionstats.regions.Region;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.regions.RegionLevel;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * A quarter's letters delivered: every city's written into the outbox and, when SMTP is configured, each county's PDF
 * mailed to its addresses. The cities are those of the delivery file, or, when it names none, every city whose
 * county-level units have KPI rows in the quarter. One city's failure does not stop the others: it is in the report.
 */
public final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final RegionDirectory regions;
    private final TableCatalog catalog;
    private final DeliveryConfig config;
    private final Optional<LetterMailer> mailer;

    public Delivery(RegionDirectory regions, TableCatalog catalog, DeliveryConfig config, Map<String, String> environment) {
        this.regions = regions;
        this.catalog = catalog;
        this.config = config;
        this.mailer = config.smtp().map(smtp -> new LetterMailer(smtp, smtp.password(environment)));
    }

    public DeliveryReport deliver(Path warehouse, Path outbox, String quarter, LocalDate date) {
        List<String> cities = config.cities().isEmpty()
                ? new FactsReader(new WarehouseTables(WarehouseLayout.of(warehouse), catalog)).citiesWithKpis(quarter)
                : config.cities().keySet().stream().sorted().toList();
        Outbox box = new Outbox(outbox, new CityLetters(regions, catalog));
        List<DeliveryReport.CityResult> results = new ArrayList<>();
        for (String city : cities) {
            Outbox.CityQuarter written;
            try {
                written = box.write(warehouse, city, quarter, date);
            } catch (RuntimeException e) {
                LOG.debug("letters of {} {} not written", city, quarter, e);
                results.add(new DeliveryReport.CityResult(city, null, 0, List.of(), message(e)));
                continue;
            }
            results.add(new DeliveryReport.CityResult(city, written.folder(), written.pdfs().size(), mail(city, quarter, written), null));
        }
        return new DeliveryReport(quarter, results);
    }

    private List<DeliveryReport.Mail> mail(String cityCode, String quarter, Outbox.CityQuarter written) {
        if (mailer.isEmpty()) {
            return List.of();
        }
        DeliveryConfig.CityRecipients recipients = config.cities().getOrDefault(cityCode, new DeliveryConfig.CityRecipients(Map.of(), List.of()));
        String cityName = regions.find(cityCode).map(Region::name).orElse(cityCode);
        List<DeliveryReport.Mail> mails = new ArrayList<>();
        for (Map.Entry<String, Path> pdf : written.pdfs().entrySet()) {
            String county = pdf.getKey();
            String countyName = regions.find(county).filter(r -> r.level() == RegionLevel.COUNTY).map(Region::name).orElse(county);
            List<String> to = recipients.to(county);
            if (to.isEmpty()) {
                mails.add(new DeliveryReport.Mail(county, countyName, to, false, "no address in the delivery file / 投递配置中没有该单位的邮箱"));
                continue;
            }
            try {
                mailer.get().send(cityName, countyName, quarter, pdf.getValue(), to, recipients.cc());
                mails.add(new DeliveryReport.Mail(county, countyName, to, true, null));
            } catch (MessagingException e) {
                LOG.debug("mail to {} not sent", county, e);
                mails.add(new DeliveryReport.Mail(county, countyName, to, false, "the mail server refused or could not be reached: "
                        + message(e) + " / 邮件发送失败"));
            }
        }
        return mails;
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
