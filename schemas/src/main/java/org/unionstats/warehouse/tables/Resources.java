package org.unionstats.warehouse.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The repository's schemas (avro/, kpis/, trino/) as the build ships them on the classpath. */
final class Resources {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private Resources() {}

    static String text(String path) {
        String resource = "/unionstats/schemas/" + path;
        try (InputStream in = Resources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schemas/" + path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(String path) {
        try {
            return YAML.readTree(text(path));
        } catch (IOException e) {
            throw new IllegalStateException("schemas/" + path + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    static JsonNode json(String path) {
        try {
            return JSON.readTree(text(path));
        } catch (IOException e) {
            throw new IllegalStateException("schemas/" + path + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
