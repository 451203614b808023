package org.unionstats.runs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.unionstats.environment.Environment;
import org.unionstats.environment.JavaRuntimes;
import org.unionstats.environment.JavaRuntimes.JavaRuntime;
import org.unionstats.process.ChildProcess;
import org.unionstats.process.DiesWithParent;

/**
 * Runs the Spark KPI job in a JVM of its own, on the KPI module's classpath, the way spark-submit
 * would: Spark and Beam never share a classpath, on the JDK {@link JavaRuntimes#kpiJob} chooses. The job's log goes
 * to stderr; its one-line JSON result ({@link org.unionstats.warehouse.runs.KpiJobResult}) comes back.
 */
public final class KpiJobLauncher {

    public static final String MAIN = "org.unionstats.kpi.KpiJob";

    /** What Spark's own launcher opens on Java 17+ (JavaModuleOptions); without them Kryo and Arrow fail. */
    public static final List<String> JAVA_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true");

    /**
     * The collector of the job's JVM. The job is a batch on a machine of few cores, and nobody waits on its pauses.
     * HotSpot's default (G1) ran 128 concurrent marking cycles in a medium full run, 99 s on one of the two cores,
     * because Spark's memory pages (humongous objects to G1) kept the heap above its threshold. The parallel collector
     * does no concurrent work: medium took 6 % less wall time, small 15 % less (docs/benchmarks.md).
     */
    static final String COLLECTOR = "-XX:+UseParallelGC";

    /**
     * Secrets of this process the job does not need and does not get (its arguments hold none
     * either: the warehouse, the master, periods): the pseudonym key, Superset's.
     */
    static final List<String> SECRET_VARIABLES = List.of(PseudonymKeys.ENV, "SUPERSET_SECRET_KEY", "SUPERSET_DATABASE_URI");

    /**
     * HotSpot's compiler directives for the job's JVM, in the KPI module's folder: Spark's generated classes are
     * compiled by C1 only (the file says why).
     */
    static final String COMPILER_DIRECTIVES = "jvm/compiler-directives.json";

    /** The module whose packaged jar and libraries are the job. */
    private static final String MODULE = "pipelines/kpi";

    /** A job still running after a day is stuck (a full national recompute takes minutes); stop it rather than hold the lock forever. */
    private static final Duration TIMEOUT = Duration.ofHours(24);

    private final Path target;
    private final Optional<String> configuredClasspath;
    private final JavaRuntime java;

    /**
     * @param target the KPI module's build output ({@code pipelines/kpi/target})
     * @param configuredClasspath the job's classpath when given from outside (bin/unionstats, tests), else the target's
     * @param java the JDK the job runs on
     */
    public KpiJobLauncher(Path target, Optional<String> configuredClasspath, JavaRuntime java) {
        this.target = target;
        this.configuredClasspath = configuredClasspath.filter(c -> !c.isBlank());
        this.java = java;
    }

    /** The job as the checkout builds it, unless a classpath is given, on the JDK chosen for it. */
    public static KpiJobLauncher of(Environment environment, Optional<String> configuredClasspath) {
        return new KpiJobLauncher(environment.target(MODULE), configuredClasspath, JavaRuntimes.kpiJob(environment));
    }

    /** The JDK the job runs on. */
    public JavaRuntime java() {
        return java;
    }

    /** The KPI module's jar and libraries. */
    public String classpath() {
        if (configuredClasspath.isPresent()) {
            return configuredClasspath.get();
        }
        return builtJar() + File.pathSeparator + target.resolve("lib") + File.separator + "*";
    }

    private Path builtJar() {
        Path jar = target.resolve("unionstats-kpi-" + Environment.VERSION + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the KPI job is not built: run mvn -DskipTests package (bin/unionstats does it for you)");
        }
        return jar;
    }

    /**
     * The class-data archive for one run of the job as the checkout builds it: mapped when an earlier run on this JVM and
     * these jars wrote it, else written by this run. A job given by classpath runs without.
     */
    public ClassDataArchive.Use classDataArchive() {
        return configuredClasspath.isPresent() ? ClassDataArchive.Use.NONE : ClassDataArchive.forBuild(target, builtJar(), java.build()).use();
    }

    /**
     * The JVM options of the job: {@link #JAVA_OPTIONS}, the {@link #COLLECTOR}, those its JDK needs, and the compiler
     * directives, when the KPI module's folder holds them (a job given by classpath alone runs without).
     */
    public List<String> javaOptions() {
        List<String> options = new ArrayList<>(JAVA_OPTIONS);
        options.add(COLLECTOR);
        // Java 24 removed the package (the JVM would warn that it cannot open it).
        if (java.feature() >= 24) {
            options.remove("--add-opens=java.base/sun.security.action=ALL-UNNAMED");
        }
        options.addAll(java.libraryAccessOptions());
        Path directives = target.resolveSibling(COMPILER_DIRECTIVES);
        if (!Files.isRegularFile(directives)) {
            return List.copyOf(options);
        }
        options.add("-XX:+UnlockDiagnosticVMOptions");
        options.add("-XX:CompilerDirectivesFile=" + directives.toAbsolutePath());
        return List.copyOf(options);
    }

    /** Runs the job with its log on this process's stderr; returns its standard output (the result line). */
    public String run(KpiJobRequest request) {
        return run(request, null);
    }

    /**
     * @param logLines receives the job's log line by line (to pass it on as structured log lines);
     *     null passes it to this process's stderr as it is
     */
    public String run(KpiJobRequest request, Consumer<String> logLines) {
        ClassDataArchive.Use archive = classDataArchive();
        List<String> command = new ArrayList<>();
        command.add(java.java().toString());
        command.add("-Xmx" + request.heap());
        command.add("-Dfile.encoding=UTF-8");
        command.addAll(javaOptions());
        command.addAll(archive.options());
        command.add("-cp");
        command.add(classpath());
        // The job ends with this process even when it is killed: only the lock holder may write.
        command.add(DiesWithParent.class.getName());
        command.add(MAIN);
        command.addAll(request.arguments());
        Consumer<String> log = logLines == null ? System.err::println : line -> {
            if (!line.isBlank()) {
                logLines.accept(line);
            }
        };
        ChildProcess.Result result = ChildProcess.of(command).unsetEnvironment(SECRET_VARIABLES.toArray(String[]::new))
                .timeout(TIMEOUT).onStderr(log).run();
        if (result.exitCode() == 0 && !result.timedOut()) {
            archive.keep();
        } else {
            archive.discard();
        }
        if (result.timedOut()) {
            throw new IllegalStateException("the KPI job did not finish in " + TIMEOUT.toHours() + " h and was stopped; its log is above");
        }
        if (result.exitCode() != 0) {
            throw new IllegalStateException("the KPI job failed (exit code " + result.exitCode() + "); its log is above"
                    + (result.exitCode() == 2 ? " (bad arguments)" : ""));
        }
        return result.stdoutText().strip();
    }
}
