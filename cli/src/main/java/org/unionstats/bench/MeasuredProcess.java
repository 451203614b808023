package org.unionstats.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a child JVM on this JVM's classpath and measures its wall time and peak resident memory
 * (VmHWM from /proc, sampled while it runs: the high-water mark only grows).
 */
public record MeasuredProcess(int exitCode, double seconds, long peakRssKb, String stdout) {

    public static MeasuredProcess run(String heap, String mainClass, List<String> args) throws IOException, InterruptedException {
        return run(heap, mainClass, args, System.getProperty("java.class.path"), List.of());
    }

    public static MeasuredProcess run(String heap, String mainClass, List<String> args, String classpath, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heap);
        command.addAll(jvmOptions);
        command.add("-Dunionstats.home=" + System.getProperty("unionstats.home", ".local"));
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long peak = 0;
        Path status = Path.of("/proc/" + process.pid() + "/status");
        while (process.isAlive()) {
            peak = Math.max(peak, highWaterMarkKb(status));
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new MeasuredProcess(process.exitValue(), seconds, peak, out.join());
    }

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
