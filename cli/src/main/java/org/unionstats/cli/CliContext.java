package org.unionstats.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.unionstats.environment.Environment;
import org.unionstats.runs.KpiJobLauncher;
import org.unionstats.runs.PseudonymKeys;
import org.unionstats.runs.PublishStep;

/**
 * What the commands get from the process they run in, read once at the edge ({@link #fromSystem()})
 * and handed to every command that takes it in its constructor ({@link CommandFactory}): the
 * {@link Environment} (checkout, state folder, variables) and the few facts of this JVM the jobs
 * need. This is the only class of the CLI that reads system properties; nothing below the
 * commands reads them or the environment variables.
 */
public final class CliContext {

    /** The KPI job's classpath when it is not the checkout's build (set by the tests that run a packaged snapshot). */
    static final String KPI_CLASSPATH_PROPERTY = "unionstats.kpi.classpath";

    private final Environment environment;
    private final Serving serving;
    private final Dashboards dashboards;
    private final KpiJobLauncher kpiJob;
    private final String classpath;
    private final boolean terminal;

    /**
     * @param kpiClasspath the KPI job's classpath, when not the checkout's build
     * @param classpath this JVM's classpath (the benchmarks start JVMs on it)
     * @param terminal whether a terminal is attached (live progress, text logs by default)
     */
    public CliContext(Environment environment, Optional<String> kpiClasspath, String classpath, boolean terminal) {
        this.environment = environment;
        this.serving = new Serving(environment);
        this.dashboards = new Dashboards(environment, serving);
        this.kpiJob = KpiJobLauncher.of(environment, kpiClasspath);
        this.classpath = classpath;
        this.terminal = terminal;
    }

    /** This process: {@code -Dunionstats.root}, {@code -Dunionstats.home} and the environment variables, read once. */
    public static CliContext fromSystem() {
        return new CliContext(Environment.fromSystem(), Optional.ofNullable(System.getProperty(KPI_CLASSPATH_PROPERTY)),
                System.getProperty("java.class.path"), System.console() != null);
    }

    public Environment environment() {
        return environment;
    }

    /** The local Trino: server, credentials, publishing, queries. */
    public Serving serving() {
        return serving;
    }

    /** The local Superset and the dashboards kept as code. */
    public Dashboards dashboards() {
        return dashboards;
    }

    /** The Spark KPI job, in a JVM of its own. */
    public KpiJobLauncher kpiJob() {
        return kpiJob;
    }

    /**
     * The pseudonym key: the environment's, else the file named, else the state folder's (made on
     * first use for the embedded default only; see {@link PseudonymKeys}).
     */
    public byte[] pseudonymKey(Path keyFile) {
        return PseudonymKeys.load(environment, keyFile);
    }

    /** The publish stage of run and backfill: the local Trino when it answers. */
    public PublishStep publishStep() {
        return TrinoPublishStep.localTrino(serving);
    }

    public String classpath() {
        return classpath;
    }

    public boolean terminal() {
        return terminal;
    }
}
