package org.unionstats.runs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.unionstats.letters.delivery.Delivery;
import org.unionstats.letters.delivery.DeliveryConfig;
import org.unionstats.letters.delivery.DeliveryReport;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * The letters step of a run: a run that wrote the KPIs of a quarter delivers that quarter's guidance letters (the
 * outbox, and the mail when the delivery file configures SMTP). Months, halves and years written alone deliver nothing.
 *
 * @param outbox the outbox root: {@code <outbox>/<city code>/<quarter>/}
 * @param config the delivery file, read once; {@link DeliveryConfig#outboxOnly()} without one
 */
public record DeliveryStep(Path outbox, DeliveryConfig config) {

    public DeliveryStep {
        outbox = outbox.toAbsolutePath().normalize();
    }

    /** The default outbox: a folder {@code outbox} beside the warehouse folder. */
    public static Path defaultOutbox(Path warehouse) {
        Path absolute = warehouse.toAbsolutePath().normalize();
        return absolute.getParent() == null ? absolute.resolve("outbox") : absolute.resolveSibling("outbox");
    }

    /** The quarters among the KPI periods a run wrote, in order. */
    static List<String> quarters(List<String> periodsWritten) {
        return periodsWritten.stream().filter(DeliveryStep::isQuarter).distinct().sorted().toList();
    }

    private static boolean isQuarter(String period) {
        try {
            return Period.parse(period).type() == PeriodType.QUARTER;
        } catch (RuntimeException e) {
            return false;
        }
    }

    DeliveryReport deliver(Path warehouse, String quarter, LocalDate date) {
        return new Delivery(RegionDirectory.loadDefault(), TableCatalog.load(), config, System.getenv()).deliver(warehouse, outbox, quarter, date);
    }
}
