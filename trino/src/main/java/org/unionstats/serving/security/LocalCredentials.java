package org.unionstats.serving.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local credentials file ({@code <state folder>/credentials.json}, git-ignored, owner-only):
 * for each service its URL and each user's name and password. Passwords are generated once, at
 * set-up, and kept; other services' entries are left as they are.
 *
 * <pre>{"services": {"trino": {"url": "https://127.0.0.1:8443", "jdbc_url": "...", "certificate": "...",
 *   "users": [{"name": "analyst", "password": "..."}, ...]}}}</pre>
 */
public final class LocalCredentials {

    public static final String FILE_NAME = "credentials.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public LocalCredentials(Path file) {
        this.file = file;
    }

    public static LocalCredentials inStateFolder(Path home) {
        return new LocalCredentials(home.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The whole document (all services), or an empty one. */
    public ObjectNode document() {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return node instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Trino's credentials; a clear message when Trino was never set up. */
    public TrinoCredentials trino() {
        JsonNode trino = document().path("services").path("trino");
        if (trino.isMissingNode() || !trino.has("url")) {
            throw new IllegalStateException("no Trino credentials in " + file + ": run 'bin/unionstats trino start' first");
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (JsonNode user : trino.path("users")) {
            passwords.put(user.path("name").asText(), user.path("password").asText());
        }
        return new TrinoCredentials(trino.path("url").asText(), Path.of(trino.path("certificate").asText()),
                trino.path("catalog").asText("unionstats"), passwords);
    }

    /** Trino's entry with the given URL and certificate, keeping passwords made earlier and generating missing ones. */
    public TrinoCredentials setUpTrino(String url, Path certificate, String catalog) {
        Map<String, String> passwords = new LinkedHashMap<>();
        ObjectNode doc = document();
        JsonNode existing = doc.path("services").path("trino").path("users");
        for (String user : TrinoUsers.ALL) {
            String password = null;
            for (JsonNode u : existing) {
                if (user.equals(u.path("name").asText()) && !u.path("password").asText().isEmpty()) {
                    password = u.path("password").asText();
                }
            }
            passwords.put(user, password != null ? password : Secrets.password(24));
        }
        TrinoCredentials credentials = new TrinoCredentials(url, certificate.toAbsolutePath(), catalog, passwords);
        ObjectNode services = doc.has("services") && doc.get("services").isObject() ? (ObjectNode) doc.get("services") : doc.putObject("services");
        ObjectNode trino = services.putObject("trino");
        trino.put("url", url);
        trino.put("jdbc_url", credentials.jdbcUrl());
        trino.put("catalog", catalog);
        trino.put("certificate", credentials.certificate().toString());
        ArrayNode users = trino.putArray("users");
        passwords.forEach((name, password) -> users.addObject().put("name", name).put("password", password));
        try {
            Secrets.writePrivate(file, JSON.writeValueAsString(doc) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return credentials;
    }
}
