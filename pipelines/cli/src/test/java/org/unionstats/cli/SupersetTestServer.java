package org.unionstats.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.unionstats.dashboards.superset.SupersetServer;
import org.unionstats.dashboards.superset.SupersetSettings;

/**
 * The real Superset, started once per test run next to the test Trino (same state folder under
 * target/, so the same credentials file), on a free port; a Superset started by hand is left alone.
 */
final class SupersetTestServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static SupersetServer server;

    static synchronized SupersetServer server() {
        if (server == null) {
            TrinoTestServer.server();
            Path root = Path.of(System.getProperty("unionstats.root", ".")).toAbsolutePath().normalize();
            Path state = Path.of(System.getProperty("unionstats.home")).toAbsolutePath();
            SupersetSettings settings = new SupersetSettings(root, state, root.resolve(".cache"), freePort(), 2);
            server = new SupersetServer(settings, m -> System.err.println("[superset-it] " + m));
            server.stop();
            server.start();
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SupersetTestServer.class, k -> {
            server();
            return this;
        });
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
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
