package org.unionstats.samples;

import java.util.List;
import java.util.Map;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;

/**
 * The rows one submitter reports for one period and record type: what one file carries (and a corrected second
 * file, when there is one). Rows map English column names to values: {@link String}, {@link Long},
 * {@link java.time.LocalDate}, {@link Label} or null.
 *
 * @param periodIndex position of the period in the run's period list
 */
record Group(String submitter, Period period, int periodIndex, RecordType type, List<Map<String, Object>> rows) {

    String key() {
        return submitter + "/" + period.canonical() + "/" + type.code();
    }
}
