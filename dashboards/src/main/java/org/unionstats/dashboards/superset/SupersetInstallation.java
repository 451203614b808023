package org.unionstats.dashboards.superset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.unionstats.environment.Environment;
import org.unionstats.process.ChildProcess;

/**
 * Superset, pinned, with the Trino driver, in a virtualenv under the git-ignored cache folder.
 * pip keeps its downloads in its own cache (~/.cache/pip), so a fresh clone installs without
 * downloading again. Installing is skipped when the venv already holds exactly this pin.
 */
public final class SupersetInstallation {

    public static final String VERSION = "6.1.0";
    /** What pip installs, with every version pinned by dashboards/superset/constraints.txt; a change makes the next start reinstall. */
    public static final List<String> REQUIREMENTS = List.of("apache-superset[trino]==" + VERSION, "rich", "cachetools");
    /** The Python to build the virtualenv with, instead of the first python3.11 or python3 on the PATH. */
    public static final String PYTHON_VARIABLE = "UNIONSTATS_PYTHON";

    private static final Duration VENV_TIMEOUT = Duration.ofMinutes(5);
    /** Downloads a few hundred MB the first time. */
    private static final Duration PIP_TIMEOUT = Duration.ofMinutes(30);

    private final Path venv;
    private final Path constraints;
    private final Environment environment;
    private final Consumer<String> log;

    /** @param environment where {@value #PYTHON_VARIABLE} and the PATH are looked up */
    public SupersetInstallation(Path cacheFolder, Path constraints, Environment environment, Consumer<String> log) {
        this.venv = cacheFolder.resolve("superset/venv");
        this.constraints = constraints;
        this.environment = environment;
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
        String python = findPython(environment);
        log.accept("installing Superset " + VERSION + " into " + venv + " (pip's cache: ~/.cache/pip; a few minutes the first time)");
        if (!Files.isExecutable(bin("python"))) {
            run(List.of(python, "-m", "venv", venv.toString()), "create the virtualenv", VENV_TIMEOUT);
        }
        List<String> pip = new ArrayList<>(List.of(bin("python").toString(), "-m", "pip", "install", "--disable-pip-version-check",
                "--quiet", "-c", constraints.toString()));
        pip.addAll(REQUIREMENTS);
        run(pip, "install Superset", PIP_TIMEOUT);
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

    /** Python 3.10-3.11 (what Superset 6.1 supports): UNIONSTATS_PYTHON, else python3.11, else python3 on the PATH. */
    static String findPython(Environment environment) {
        var configured = environment.variable(PYTHON_VARIABLE);
        if (configured.isPresent()) {
            return configured.get();
        }
        for (String candidate : List.of("python3.11", "python3")) {
            for (Path dir : environment.path()) {
                if (Files.isExecutable(dir.resolve(candidate))) {
                    return dir.resolve(candidate).toString();
                }
            }
        }
        throw new IllegalStateException("Superset needs Python 3.10 or 3.11 with venv and pip; none found (set " + PYTHON_VARIABLE + ")");
    }

    private static void run(List<String> command, String what, Duration timeout) {
        ChildProcess.Result result = ChildProcess.of(command).unsetEnvironment(org.unionstats.serving.security.Secrets.SECRET_VARIABLES
                .toArray(String[]::new)).mergeErrors().timeout(timeout).run();
        if (!result.succeeded()) {
            throw new IllegalStateException("cannot " + what + ": " + (result.timedOut() ? "it did not finish within " + timeout.toMinutes()
                    + " minutes" : tail(result)));
        }
    }

    /** The last lines of what the command printed, indented under the message. */
    static String tail(ChildProcess.Result result) {
        return String.join("\n  ", result.tail(15).strip().split("\n"));
    }
}
