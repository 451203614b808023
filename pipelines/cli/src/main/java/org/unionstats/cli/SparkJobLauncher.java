package org.unionstats.cli;

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

    static String run(List<String> args, String heap) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heap);
        command.add("-Dfile.encoding=UTF-8");
        command.addAll(JAVA_OPTIONS);
        command.add("-cp");
        command.add(classpath());
        command.add(MAIN);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0) {
            throw new IllegalStateException("the KPI job failed (exit code " + code + "); its log is above");
        }
        return out.strip();
    }
}
