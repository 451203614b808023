package org.unionstats.dashboards.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.unionstats.serving.security.TrinoCredentials;

/**
 * The import bundle Superset's {@code POST /api/v1/assets/import/} takes: every YAML file of the
 * assets folder zipped under one root folder, with the Trino address, catalog and certificate of
 * this machine put in. The database password is not in the bundle; it goes in the request's
 * {@code passwords} field (see {@link #passwords}).
 */
public final class AssetBundle {

    static final String ROOT = "unionstats_dashboards";

    private final byte[] zip;
    private final Map<String, String> passwords;

    private AssetBundle(byte[] zip, Map<String, String> passwords) {
        this.zip = zip;
        this.passwords = passwords;
    }

    public static AssetBundle of(Path assets, TrinoCredentials trino) {
        String hostPort = trino.url().replaceFirst("^https?://", "").replaceAll("/+$", "");
        Map<String, String> values = Map.of(AssetGenerator.HOST_PORT, hostPort, AssetGenerator.CATALOG, trino.catalog(),
                AssetGenerator.CERTIFICATE, trino.certificate().toAbsolutePath().toString());
        return of(assets, values, Map.of("databases/" + AssetGenerator.DATABASE_KEY + ".yaml", trino.password(AssetGenerator.USER)));
    }

    static AssetBundle of(Path assets, Map<String, String> values, Map<String, String> passwords) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(assets)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboards in " + assets + ": " + e.getMessage(), e);
        }
        if (files.stream().noneMatch(p -> p.getFileName().toString().equals("metadata.yaml"))) {
            throw new IllegalStateException(assets + " has no metadata.yaml: is it the dashboards/assets folder?");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Path file : files) {
                String text = Files.readString(file);
                for (Map.Entry<String, String> v : values.entrySet()) {
                    text = text.replace(v.getKey(), v.getValue());
                }
                ZipEntry entry = new ZipEntry(ROOT + "/" + assets.relativize(file).toString().replace('\\', '/'));
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AssetBundle(bytes.toByteArray(), passwords);
    }

    public byte[] zip() {
        return zip;
    }

    /** Database file path inside the bundle → password, as the import's {@code passwords} field wants it. */
    public Map<String, String> passwords() {
        return passwords;
    }
}
