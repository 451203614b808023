package org.unionstats.dashboards.superset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Superset, pinned, with the Trino driver, in a virtualenv under the git-ignored cache folder.
 * pip keeps its downloads in its own cache (~/.cache/pip), so a fresh clone installs without
 * downloading again. Installing is skipped when the venv already holds exactly this pin.
 */
public final class SupersetInstallation {

    public static final String VERSION = "6.1.0";
    /** What pip installs, with every version pinned by serving/superset/constraints.txt; a change makes the next start reinstall. */
    public static final List<String> REQUIREMENTS = List.of("apache-superset[trino]==" + VERSION, "rich", "cachetools");

    private final Path venv;
    private final Path constraints;
    private final Consumer<String> log;

    public SupersetInstallation(Path cacheFolder, Path constraints, Consumer<String> log) {
        this.venv = cacheFolder.resolve("superset/venv");
        this.constraints = constraints;
        this.log = log;
    }

    public Path venv() {
        return venv;
    }

    public Path bin(String program) {
        return venv.resolve("bin").resolve(program);
    }

    public boolean installed() {
        try {
            return Files.isExecutable(bin("superset")) && Files.isRegularFile(marker())
                    && Files.readString(marker()).strip().equals(pin());
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates the venv and installs Superset unless this exact pin is there already; returns the venv. */
    public Path install() {
        if (installed()) {
            return venv;
        }
        String python = findPython();
        log.accept("installing Superset " + VERSION + " into " + venv + " (pip's cache: ~/.cache/pip; a few minutes the first time)");
        if (!Files.isExecutable(bin("python"))) {
            run(List.of(python, "-m", "venv", venv.toString()), "create the virtualenv");
        }
        List<String> pip = new ArrayList<>(List.of(bin("python").toString(), "-m", "pip", "install", "--disable-pip-version-check",
                "--quiet", "-c", constraints.toString()));
        pip.addAll(REQUIREMENTS);
        run(pip, "install Superset");
        try {
            Files.writeString(marker(), pin() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return venv;
    }

    /** The requirements and a digest of the constraints: what the marker file records. */
    private String pin() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(constraints));
            return String.join(" ", REQUIREMENTS) + " " + java.util.HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + constraints + ": " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path marker() {
        return venv.resolve("unionstats-requirements.txt");
    }

    /** Python 3.10-3.11 (what Superset 6.1 supports): UNIONSTATS_PYTHON, else python3.11, else python3. */
    static String findPython() {
        String configured = System.getenv("UNIONSTATS_PYTHON");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String candidate : List.of("python3.11", "python3")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, candidate))) {
                    return Path.of(dir, candidate).toString();
                }
            }
        }
        throw new IllegalStateException("Superset needs Python 3.10 or 3.11 with venv and pip; none found (set UNIONSTATS_PYTHON)");
    }

    private void run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("cannot " + what + ": " + tail(out));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }

    static String tail(String out) {
        String[] lines = out.strip().split("\n");
        return String.join("\n  ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 15), lines.length));
    }
}
