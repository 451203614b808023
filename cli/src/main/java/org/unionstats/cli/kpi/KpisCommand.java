package org.unionstats.cli.kpi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.unionstats.cli.Arguments;
import org.unionstats.errors.ExitCode;
import org.unionstats.period.Period;
import org.unionstats.warehouse.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kpis", mixinStandardHelpOptions = true,
        description = "Print the KPI values of one org and period, to check a run.")
public final class KpisCommand implements Callable<Integer> {

    @Option(names = "--warehouse", required = true, description = "Warehouse root.")
    Path warehouse;

    @Option(names = "--org", required = true, description = "Org code: 000000 (national), 130000, 130300, 130306, 130306-0042…")
    String org;

    @Option(names = "--period", required = true, description = "Period, e.g. 2024Q3, 2024-07, 2024H1, 2024.")
    String period;

    @Option(names = "--json", description = "One JSON object mapping kpi_id to value (totals only).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String canonical = Arguments.parse(() -> Period.parse(period).canonical());
        KpiValues values = KpiValues.read(WarehouseLayout.of(warehouse), org, canonical);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(values.values()));
            return 0;
        }
        values.print(System.out);
        return values.isEmpty() ? ExitCode.FAILURE.code() : 0;
    }
}
