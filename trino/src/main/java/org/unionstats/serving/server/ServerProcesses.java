package org.unionstats.serving.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.unionstats.process.ChildProcess;

/**
 * What the local servers (Trino, Superset) share beyond {@link ChildProcess}: they daemonise, so
 * they are found again through their pid files; stopping them is {@link ChildProcess#stop}; ports.
 */
public final class ServerProcesses {

    /** How long a server killed with SIGKILL may take to be gone (a JVM with a large heap). */
    private static final Duration AFTER_KILL = Duration.ofSeconds(25);

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

    /**
     * A live process of this machine whose command line contains every one of the markers: finds a
     * daemonised server when its pid file names the launcher that forked it rather than the server.
     */
    public static Optional<ProcessHandle> findRunning(String... markers) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(p -> {
            String cmdline = commandLine(p);
            return cmdline != null && java.util.Arrays.stream(markers).allMatch(cmdline::contains);
        }).findFirst();
    }

    /**
     * Waits until a starting server is ready: fails with its log's last lines when it stops, or when
     * it is not ready in time.
     *
     * @param name the server's name in messages ("Trino")
     */
    public static void awaitReady(String name, ProcessHandle server, Duration timeout, java.util.function.BooleanSupplier ready,
            java.util.function.Supplier<String> logTail) {
        awaitReadyWhileRunning(name, () -> Optional.of(server).filter(ProcessHandle::isAlive), timeout, ready, logTail);
    }

    /**
     * As {@link #awaitReady}, for a server whose process is looked up again at each poll: a daemonising launcher's pid
     * file can name a process that hands over to the server and exits while the server starts.
     *
     * @param running the server's live process, if any
     */
    public static void awaitReadyWhileRunning(String name, java.util.function.Supplier<Optional<ProcessHandle>> running, Duration timeout,
            java.util.function.BooleanSupplier ready, java.util.function.Supplier<String> logTail) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (running.get().isEmpty()) {
                throw new IllegalStateException(name + " stopped while starting; " + logTail.get());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toMinutes() + " minutes; " + logTail.get());
    }

    /**
     * A GET of a local health endpoint: true when it answers 200 with a body the check accepts;
     * false when it does not answer (yet).
     */
    public static boolean answers(java.net.http.HttpClient http, String url, Duration timeout,
            java.util.function.Predicate<String> body) {
        try {
            java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .timeout(timeout).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && body.test(response.body());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc/" + process.pid() + "/cmdline"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return process.info().commandLine().orElse(null);
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

    /**
     * Stops a server with its descendants: SIGTERM, SIGKILL after the grace period
     * ({@link ChildProcess#stop}). True when it is gone.
     */
    public static boolean stop(ProcessHandle server, Duration grace) {
        return ChildProcess.stop(server, grace) || ChildProcess.waitForExit(server, AFTER_KILL);
    }

    /** Removes a pid file; a stale one is harmless anyway, since {@link #fromPidFile} checks the pid is a live server. */
    public static void deletePidFile(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // See above: harmless.
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
