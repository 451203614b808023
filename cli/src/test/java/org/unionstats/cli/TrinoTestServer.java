package org.unionstats.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.unionstats.environment.Environment;
import org.unionstats.serving.security.TrinoCredentials;
import org.unionstats.serving.server.TrinoConfig;
import org.unionstats.serving.server.TrinoServer;

/**
 * The real Trino server, started once per test run (the first test class that needs it starts it;
 * the end of the run stops it), with a state folder of its own under target/ and free ports, so a
 * server started by hand with bin/unionstats is left alone.
 */
final class TrinoTestServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /** The tests' state folder; the commands under test (run, query, publish) find the server through it. */
    static final Path STATE = TestWarehouse.TARGET.resolve("trino-it/state");

    private static TrinoServer server;
    private static TrinoCredentials credentials;
    private static java.util.concurrent.CompletableFuture<Void> starting;

    /** What the commands under test get: the checkout and this server's state folder. */
    static CliContext context() {
        return TestWarehouse.context(STATE);
    }

    /** Starts the server in the background (it takes half a minute) while the test builds its warehouse. */
    static synchronized void startInBackground() {
        if (starting == null && server == null) {
            stateFolder();
            starting = java.util.concurrent.CompletableFuture.runAsync(TrinoTestServer::startNow);
        }
    }

    static TrinoServer server() {
        java.util.concurrent.CompletableFuture<Void> pending;
        synchronized (TrinoTestServer.class) {
            pending = starting;
        }
        if (pending != null) {
            pending.join();
        }
        startNow();
        return server;
    }

    private static synchronized void startNow() {
        if (server != null && !server.status().ready()) {
            // A test stopped it (TrinoServingIT checks stop): later classes still get a running server.
            credentials = server.start();
        }
        if (server == null) {
            Path state = stateFolder();
            Environment environment = context().environment();
            TrinoConfig config = new TrinoConfig(state, environment.cache(), freePort(), freePort(), "2G");
            TrinoServer starting = new TrinoServer(config, environment, m -> System.err.println("[trino-it] " + m));
            starting.stop();
            // An empty catalog for every test run (the state folder survives between runs): the metastore and the links.
            TestWarehouse.deleteTree(config.fileSystemRoot());
            credentials = starting.start();
            server = starting;
            Runtime.getRuntime().addShutdownHook(new Thread(starting::stop));
        }
    }

    static TrinoCredentials credentials() {
        server();
        return credentials;
    }

    private static synchronized Path stateFolder() {
        try {
            Files.createDirectories(STATE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return STATE;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(TrinoTestServer.class, k -> {
            startInBackground();
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
