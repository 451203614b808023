package org.unionstats.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.unionstats.serving.security.TrinoCredentials;
import org.unionstats.serving.server.TrinoConfig;
import org.unionstats.serving.server.TrinoServer;

/**
 * The real Trino server, started once per test run (the first test class that needs it starts it;
 * the end of the run stops it), with a state folder of its own under target/ and free ports, so a
 * server started by hand with bin/unionstats is left alone.
 */
final class TrinoTestServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static TrinoServer server;
    private static TrinoCredentials credentials;

    static synchronized TrinoServer server() {
        if (server == null) {
            Path state = Path.of(System.getProperty("unionstats.root", "."), "pipelines/cli/target/trino-it/state").toAbsolutePath();
            try {
                Files.createDirectories(state);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // The commands under test (run, query, publish) find the server through the state folder.
            System.setProperty("unionstats.home", state.toString());
            TrinoConfig defaults = TrinoConfig.defaults();
            TrinoConfig config = new TrinoConfig(state, defaults.cacheFolder(), freePort(), freePort(), "2G");
            server = new TrinoServer(config, m -> System.err.println("[trino-it] " + m));
            server.stop();
            credentials = server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return server;
    }

    static TrinoCredentials credentials() {
        server();
        return credentials;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(TrinoTestServer.class, k -> {
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
