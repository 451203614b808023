/**
 * The sample-data generator: realistic submission inboxes for demos, tests and benchmarks.
 *
 * <p>{@link org.unionstats.samples.SampleInboxGenerator} orchestrates; per county-level unit it invents the basic-level
 * unions with their members ({@code OrgUnitsGenerator}), member joins, leaves and transfers consistent with those
 * registers ({@code MemberEventsGenerator}, {@code TransferPlanner}), the opening and year-end balances
 * ({@code BalancesGenerator}), the hardship register ({@code HardshipGenerator}), indicator reports
 * ({@code IndicatorGenerator}) and competitions ({@code CompetitionGenerator}, also for the cities and provinces
 * above), all calibrated on the figures of {@code Magnitudes}; the cities and provinces then set their targets on what
 * the unions achieve ({@code Achieved}, {@code TargetsGenerator}), and 秦皇岛 writes its department opinions to its
 * counties ({@code OpinionsGenerator}). {@code GroupWriter} turns each (submitter, period, record type) into a file: {@code FileStyles} picks
 * format, encoding, header language and spellings, {@code MistakeInjector} adds the mistakes clerks make, and
 * {@code SubmissionWriter} writes CSV (UTF-8, UTF-8 with BOM, GB18030), XLSX or JSON Lines, dated with its
 * simulated arrival (also listed in {@code _arrivals.csv}). Column headers and
 * enumeration labels come from the contract catalogue of the common module.
 *
 * <p>Every random choice is drawn from a stream derived from the seed and a name (county code, file key), so a seed
 * and config give byte-identical files whatever the thread scheduling.
 */
package org.unionstats.samples;
