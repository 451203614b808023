package org.unionstats.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.unionstats.dashboards.superset.SupersetServer;
import org.unionstats.dashboards.superset.SupersetSettings;
import org.unionstats.environment.Environment;
import org.unionstats.serving.security.TrinoCredentials;
import org.unionstats.serving.server.TrinoConfig;
import org.unionstats.serving.server.TrinoServer;

/**
 * A real Trino and a real Superset for the dashboard tests, with a state folder of their own
 * (target/dashboards-it/state: metastore, credentials, Superset's metadata) and free ports, so
 * neither other integration tests nor servers started by hand are touched. Both stop after the class.
 */
final class DashboardStack implements BeforeAllCallback, AfterAllCallback {

    /** The stack's state folder: metastore, credentials, Superset's metadata. */
    static final Path STATE = TestWarehouse.TARGET.resolve("dashboards-it/state");

    static TrinoServer trino;
    static TrinoCredentials trinoCredentials;
    static SupersetServer superset;
    /** What the commands the test runs get: the checkout and the stack's state folder. */
    static CliContext cli;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Files.createDirectories(STATE);
        cli = TestWarehouse.context(STATE);
        Environment environment = cli.environment();
        trino = new TrinoServer(new TrinoConfig(STATE, environment.cache(), freePort(), freePort(), "2G"), environment,
                m -> System.err.println("[dashboards-it trino] " + m));
        trino.stop();
        trinoCredentials = trino.start();
        superset = new SupersetServer(new SupersetSettings(environment.root(), STATE, environment.cache(), freePort(),
                SupersetSettings.DEFAULT_WORKERS), environment, m -> System.err.println("[dashboards-it superset] " + m));
        superset.stop();
        superset.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (superset != null) {
            superset.stop();
        }
        if (trino != null) {
            trino.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
