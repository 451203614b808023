package org.unionstats.serving.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the local servers (Trino, Superset) share: pid files, liveness, stopping, free ports. */
public final class ServerProcesses {

    private ServerProcesses() {}

    /**
     * The live process a pid file names, if its command line contains one of the markers: guards
     * against a pid reused by another program after a crash.
     */
    public static Optional<ProcessHandle> fromPidFile(Path pidFile, String... markers) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> runs(p, markers));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean runs(ProcessHandle process, String... markers) {
        String cmdline;
        try {
            cmdline = Files.readString(Path.of("/proc/" + process.pid() + "/cmdline"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            cmdline = process.info().commandLine().orElse(null);
            if (cmdline == null) {
                return true;
            }
        }
        for (String marker : markers) {
            if (cmdline.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** Waits until the process is gone; false if it is still running after the timeout. */
    public static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Fails with a clear message when another program listens on the port. */
    public static void requireFree(int port, String option) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is taken by another program; choose another with " + option);
        }
    }
}
