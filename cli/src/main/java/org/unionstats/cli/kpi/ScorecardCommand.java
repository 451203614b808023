package org.unionstats.cli.kpi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unionstats.cli.Arguments;
import org.unionstats.errors.ExitCode;
import org.unionstats.period.Period;
import org.unionstats.warehouse.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scorecard", mixinStandardHelpOptions = true,
        description = "The county quarterly scorecard (县区季度指导书) of one city: headline KPIs, rank among the city's counties, flags.")
public final class ScorecardCommand implements Callable<Integer> {

    @Option(names = "--warehouse", required = true, description = "Warehouse root.")
    Path warehouse;

    @Option(names = "--city", required = true, description = "City code, e.g. 130300 (秦皇岛市).")
    String city;

    @Option(names = "--period", required = true, description = "Quarter, e.g. 2024Q3.")
    String period;

    @Option(names = "--json", description = "Print the scorecard as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String quarter = Arguments.parse(() -> Period.parse(period).canonical());
        Scorecard scorecard = Scorecard.read(WarehouseLayout.of(warehouse), city, quarter);
        if (scorecard.isEmpty()) {
            scorecard.print(System.out);
            return ExitCode.FAILURE.code();
        }
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    Map.of("city_code", city, "city_name", scorecard.cityName(), "period", quarter, "counties", scorecard.counties())));
            return 0;
        }
        scorecard.print(System.out);
        return 0;
    }
}
