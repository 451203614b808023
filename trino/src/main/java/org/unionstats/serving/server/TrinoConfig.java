package org.unionstats.serving.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.unionstats.environment.Environment;

/**
 * Everything a local Trino needs to know, built once from the command line's environment and
 * options. The defaults are here and nowhere else.
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

    private static final ObjectMapper JSON = new ObjectMapper();

    public TrinoConfig {
        stateFolder = stateFolder.toAbsolutePath().normalize();
        cacheFolder = cacheFolder.toAbsolutePath().normalize();
        if (httpsPort == httpPort) {
            throw new IllegalArgumentException("the HTTPS and HTTP ports must differ (both " + httpsPort + ")");
        }
    }

    /**
     * The local server of this environment: its state in the environment's home, the server in its
     * cache folder, and the ports of the last start (so status and stop find a server started with
     * other ports), else the defaults.
     */
    public static TrinoConfig of(Environment environment) {
        TrinoConfig defaults = new TrinoConfig(environment.home(), environment.cache(), DEFAULT_HTTPS_PORT, DEFAULT_HTTP_PORT, DEFAULT_HEAP);
        return defaults.lastRendered().map(last -> defaults.withPorts(last.httpsPort(), last.httpPort())).orElse(defaults);
    }

    /**
     * Renders the embedded configuration into {@link #etcFolder()} from these values and the
     * server's secrets, and records the values in {@link #renderedFile()} for later commands.
     */
    public void render(Path keystore, String keystorePassword, String sharedSecret) {
        Map<String, String> values = new HashMap<>();
        values.put("http_port", Integer.toString(httpPort));
        values.put("https_port", Integer.toString(httpsPort));
        values.put("keystore_path", keystore.toString());
        values.put("keystore_password", keystorePassword);
        values.put("shared_secret", sharedSecret);
        values.put("etc_dir", etcFolder().toString());
        values.put("data_dir", dataFolder().toString());
        values.put("filesystem_root", fileSystemRoot().toString());
        values.put("metastore_dir", "/" + fileSystemRoot().relativize(metastoreFolder()));
        values.put("heap", heap);
        new ConfigTemplates("embedded").renderAll(etcFolder(), values);
        try {
            Files.writeString(renderedFile(), JSON.writeValueAsString(new Rendered(httpsPort, httpPort, heap)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + renderedFile() + ": " + e.getMessage(), e);
        }
    }

    /** The values the configuration was last rendered from, if it was and the record is readable. */
    Optional<Rendered> lastRendered() {
        if (!Files.isRegularFile(renderedFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(renderedFile().toFile(), Rendered.class));
        } catch (IOException e) {
            // Rewritten at the next start; until then, the defaults.
            return Optional.empty();
        }
    }

    /** What {@link #render} was given, as {@code trino/rendered.json} records it. */
    record Rendered(@JsonProperty("https_port") int httpsPort, @JsonProperty("http_port") int httpPort, @JsonProperty("heap") String heap) {}

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

    /**
     * The only folder the catalog's file system reaches ({@code local.location}): the metastore and
     * a link to each published warehouse ({@link ServedWarehouses}), nothing else of this machine.
     */
    public Path fileSystemRoot() {
        return trinoFolder().resolve("files");
    }

    /** The file metastore, {@code local:///metastore} inside {@link #fileSystemRoot()}. */
    public Path metastoreFolder() {
        return fileSystemRoot().resolve("metastore");
    }

    /** The links to the published warehouses, {@code local:///warehouses/<name>} inside {@link #fileSystemRoot()}. */
    public Path warehousesFolder() {
        return fileSystemRoot().resolve("warehouses");
    }

    public Path tlsFolder() {
        return trinoFolder().resolve("tls");
    }

    /** The values the configuration was rendered from ({@link #render}): how later commands learn the ports. */
    public Path renderedFile() {
        return trinoFolder().resolve("rendered.json");
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
