package org.unionstats.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The repository's schemas (avro/, kpis/, trino/, reference/) as the core module's build ships them
 * on the classpath under {@value #ROOT}: the one place that reads them.
 */
public final class SchemaResources {

    /** Where the build puts schemas/ on the classpath. */
    public static final String ROOT = "unionstats/schemas/";

    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    public static final ObjectMapper JSON = new ObjectMapper();

    private SchemaResources() {}

    /** A file of schemas/ by its path there (e.g. {@code avro/quarantine.avsc}), as UTF-8 text. */
    public static String text(String path) {
        String resource = ROOT + path;
        try (InputStream in = SchemaResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource on the classpath: " + resource + " (schemas/" + path
                        + " is not in the build)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** A YAML file of schemas/ bound to a type. */
    public static <T> T yaml(String path, Class<T> type) {
        try {
            return YAML.readValue(text(path), type);
        } catch (IOException e) {
            throw new IllegalStateException("schemas/" + path + " is not valid: " + e.getMessage(), e);
        }
    }

    public static JsonNode yaml(String path) {
        try {
            return YAML.readTree(text(path));
        } catch (IOException e) {
            throw new IllegalStateException("schemas/" + path + " is not valid YAML: " + e.getMessage(), e);
        }
    }
}
