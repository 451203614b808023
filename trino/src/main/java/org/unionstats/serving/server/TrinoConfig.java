package org.unionstats.serving.server;

import java.nio.file.Path;

/**
 * Everything a local Trino needs to know, built once from the command line.
 *
 * @param stateFolder the git-ignored local state folder (.local/): configuration, data, metastore, TLS, credentials
 * @param cacheFolder where the server is unpacked (.cache/ in the checkout, git-ignored)
 * @param httpsPort the port clients use (HTTPS, password)
 * @param httpPort loopback HTTP for the node itself and the health check
 * @param heap the server's -Xmx
 */
public record TrinoConfig(Path stateFolder, Path cacheFolder, int httpsPort, int httpPort, String heap) {

    public static final int DEFAULT_HTTPS_PORT = 8443;
    public static final int DEFAULT_HTTP_PORT = 8080;
    /** Sized for a 2-core, 24 GiB machine shared with a Spark job of ~10 GiB. */
    public static final String DEFAULT_HEAP = "4G";
    public static final String CATALOG = "unionstats";

    public TrinoConfig {
        stateFolder = stateFolder.toAbsolutePath().normalize();
        cacheFolder = cacheFolder.toAbsolutePath().normalize();
        if (httpsPort == httpPort) {
            throw new IllegalArgumentException("the HTTPS and HTTP ports must differ (both " + httpsPort + ")");
        }
    }

    /**
     * The defaults: state in {@code -Dunionstats.home} (or .local), the server in the checkout's
     * .cache/, and the ports of the configuration rendered last time (so status and stop find a
     * server started with other ports), else 8443 and 8080.
     */
    public static TrinoConfig defaults() {
        Path home = Path.of(System.getProperty("unionstats.home", ".local"));
        Path root = Path.of(System.getProperty("unionstats.root", "."));
        int https = DEFAULT_HTTPS_PORT;
        int http = DEFAULT_HTTP_PORT;
        Path rendered = home.resolve("trino/etc/config.properties");
        if (java.nio.file.Files.isRegularFile(rendered)) {
            java.util.Properties p = new java.util.Properties();
            try (var in = java.nio.file.Files.newBufferedReader(rendered)) {
                p.load(in);
                https = Integer.parseInt(p.getProperty("http-server.https.port", Integer.toString(https)).strip());
                http = Integer.parseInt(p.getProperty("http-server.http.port", Integer.toString(http)).strip());
            } catch (java.io.IOException | NumberFormatException e) {
                // An unreadable configuration is rewritten at the next start; use the defaults.
            }
        }
        return new TrinoConfig(home, root.resolve(".cache"), https, http, DEFAULT_HEAP);
    }

    public TrinoConfig withPorts(Integer newHttpsPort, Integer newHttpPort) {
        return new TrinoConfig(stateFolder, cacheFolder, newHttpsPort == null ? httpsPort : newHttpsPort,
                newHttpPort == null ? httpPort : newHttpPort, heap);
    }

    public TrinoConfig withHeap(String newHeap) {
        return new TrinoConfig(stateFolder, cacheFolder, httpsPort, httpPort, newHeap == null ? heap : newHeap);
    }

    public Path trinoFolder() {
        return stateFolder.resolve("trino");
    }

    public Path etcFolder() {
        return trinoFolder().resolve("etc");
    }

    public Path dataFolder() {
        return trinoFolder().resolve("data");
    }

    public Path metastoreFolder() {
        return trinoFolder().resolve("metastore");
    }

    public Path tlsFolder() {
        return trinoFolder().resolve("tls");
    }

    public Path secretsFile() {
        return trinoFolder().resolve("secrets.properties");
    }

    public Path pidFile() {
        return dataFolder().resolve("var/run/launcher.pid");
    }

    public Path serverLog() {
        return dataFolder().resolve("var/log/server.log");
    }

    public Path launcherLog() {
        return dataFolder().resolve("var/log/launcher.log");
    }

    public String url() {
        return "https://127.0.0.1:" + httpsPort;
    }
}
