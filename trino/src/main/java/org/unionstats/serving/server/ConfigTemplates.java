package org.unionstats.serving.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration templates kept beside this code ({@code trino/config/embedded/} for the local
 * server, {@code trino/config/production/} for a cluster), shipped on the classpath under
 * {@code unionstats/trino/config/} and rendered by filling in their {@code {{name}}} placeholders.
 */
public final class ConfigTemplates {

    public static final List<String> FILES = List.of("config.properties", "jvm.config", "node.properties", "log.properties",
            "password-authenticator.properties", "access-control.properties", "rules.json", "catalog/unionstats.properties");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final String variant;

    /** @param variant embedded or production */
    public ConfigTemplates(String variant) {
        this.variant = variant;
    }

    public String template(String file) {
        String resource = "/unionstats/trino/config/" + variant + "/" + file;
        try (InputStream in = ConfigTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("configuration template " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with every placeholder filled in; an unknown placeholder is an error, not an empty value. */
    public String render(String file, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template(file));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {{" + m.group(1) + "}} in " + variant + "/" + file);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Renders every file into {@code etc}. */
    public void renderAll(Path etc, Map<String, String> values) {
        try {
            for (String file : FILES) {
                Path target = etc.resolve(file);
                Files.createDirectories(target.getParent());
                org.unionstats.serving.security.Secrets.writePrivate(target, render(file, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Trino configuration in " + etc + ": " + e.getMessage(), e);
        }
    }
}
