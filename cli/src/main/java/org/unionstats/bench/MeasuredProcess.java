package org.unionstats.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.unionstats.environment.JavaRuntimes.JavaRuntime;
import org.unionstats.process.ChildProcess;

/**
 * Runs a child JVM and measures its wall time and peak resident memory (VmHWM from /proc, sampled
 * while it runs: the high-water mark only grows). Its stderr passes through; its stdout is kept.
 */
public record MeasuredProcess(int exitCode, double seconds, long peakRssKb, String stdout) {

    /** The national workload takes minutes; a measured run still going after hours is stuck. */
    private static final Duration TIMEOUT = Duration.ofHours(6);

    /** {@code java -Xmx<heap> <jvm options> -Dunionstats.home=<home> -cp <classpath> <main class> <args>}, on that JDK's java. */
    public static List<String> java(JavaRuntime java, String heap, List<String> jvmOptions, Path home, String classpath, String mainClass,
            List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.java().toString());
        command.add("-Xmx" + heap);
        command.addAll(jvmOptions);
        command.add("-Dunionstats.home=" + home);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    public static MeasuredProcess run(List<String> command) throws InterruptedException {
        Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        CompletableFuture<Finished> run = CompletableFuture.supplyAsync(() -> {
            ChildProcess.Result result = ChildProcess.of(command).timeout(TIMEOUT).onStdout(stdout::add).onStderr(System.err::println).run();
            return new Finished(result, System.nanoTime());
        });
        // ChildProcess owns the process; the one child that was not there before is it.
        Optional<ProcessHandle> child = Optional.empty();
        long peak = 0;
        while (!run.isDone()) {
            if (child.isEmpty()) {
                child = ProcessHandle.current().children().filter(p -> !before.contains(p.pid())).findFirst();
            }
            if (child.isPresent()) {
                peak = Math.max(peak, highWaterMarkKb(Path.of("/proc/" + child.get().pid() + "/status")));
            }
            Thread.sleep(200);
        }
        Finished finished = run.join();
        if (finished.result().timedOut()) {
            throw new IllegalStateException("the measured process did not finish in " + TIMEOUT.toHours() + " h");
        }
        return new MeasuredProcess(finished.result().exitCode(), (finished.endNanos() - start) / 1e9, peak, String.join("\n", stdout));
    }

    private record Finished(ChildProcess.Result result, long endNanos) {}

    private static long highWaterMarkKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between two samples.
        }
        return 0;
    }
}
