package org.unionstats.runs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the Spark KPI job in a JVM of its own, on the KPI module's classpath, the way
 * spark-submit would: Spark and Beam never share a classpath. The job's log goes to stderr;
 * its one-line JSON result comes back.
 */
public final class SparkJobLauncher {

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

    private SparkJobLauncher() {}

    /** The KPI module's jar and libraries, as bin/unionstats passes them, or found from the working directory. */
    public static String classpath() {
        String configured = System.getProperty("unionstats.kpi.classpath");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path target = Path.of(System.getProperty("unionstats.root", "."), "pipelines/kpi/target");
        Path jar = target.resolve("unionstats-kpi-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the KPI job is not built: run mvn -DskipTests package (bin/unionstats does it for you)");
        }
        return jar + File.pathSeparator + target.resolve("lib") + File.separator + "*";
    }

    public static String run(List<String> args, String heap) throws IOException, InterruptedException {
        return run(args, heap, null);
    }

    /**
     * @param logLines receives the job's log line by line (to pass it on as structured log lines);
     *     null leaves it on this process's stderr
     */
    public static String run(List<String> args, String heap, java.util.function.Consumer<String> logLines)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heap);
        command.add("-Dfile.encoding=UTF-8");
        command.addAll(JAVA_OPTIONS);
        command.add("-cp");
        command.add(classpath());
        // The job ends with this process even when it is killed: only the lock holder may write.
        command.add("org.unionstats.process.DiesWithParent");
        command.add(MAIN);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (logLines == null) {
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        Process process = builder.start();
        Thread relay = null;
        if (logLines != null) {
            relay = new Thread(() -> {
                try (java.io.BufferedReader err = new java.io.BufferedReader(
                        new java.io.InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    err.lines().filter(l -> !l.isBlank()).forEach(logLines);
                } catch (IOException ignored) {
                    // the job ended; its exit code tells
                }
            }, "kpi-job-log");
            relay.setDaemon(true);
            relay.start();
        }
        String out;
        int code;
        try {
            out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            code = process.waitFor();
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        if (relay != null) {
            relay.join(5000);
        }
        if (code != 0) {
            throw new IllegalStateException("the KPI job failed (exit code " + code + "); its log is above"
                    + (code == 2 ? " (bad arguments)" : ""));
        }
        return out.strip();
    }
}
