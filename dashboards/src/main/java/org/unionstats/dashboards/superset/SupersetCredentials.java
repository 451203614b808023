package org.unionstats.dashboards.superset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.unionstats.serving.security.LocalCredentials;
import org.unionstats.serving.security.Secrets;

/**
 * Superset's entry in the local credentials file (the one Trino's set-up writes; other services'
 * entries are left as they are): the URL, the secret key Superset signs sessions with, and each
 * user's password, generated once and kept.
 *
 * <pre>{"services": {"superset": {"url": "http://127.0.0.1:8088", "secret_key": "...",
 *   "users": [{"name": "admin", "password": "...", "roles": ["Admin"]}, ...]}}}</pre>
 */
public final class SupersetCredentials {

    public static final String ADMIN = "admin";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final LocalCredentials file;

    public SupersetCredentials(LocalCredentials file) {
        this.file = file;
    }

    /** Makes sure the entry exists with this URL, a secret key and an admin password; returns the entry. */
    public synchronized ObjectNode ensure(String url) {
        ObjectNode doc = file.document();
        ObjectNode superset = entry(doc);
        boolean changed = !url.equals(superset.path("url").asText());
        superset.put("url", url);
        if (superset.path("secret_key").asText().isEmpty()) {
            superset.put("secret_key", Secrets.password(48));
            changed = true;
        }
        changed |= ensureUser(superset, ADMIN, "Admin");
        if (changed) {
            write(doc);
        }
        return superset;
    }

    /** The user's password, generating and saving one the first time. */
    public synchronized String password(String user, String role) {
        ObjectNode doc = file.document();
        ObjectNode superset = entry(doc);
        if (ensureUser(superset, user, role)) {
            write(doc);
        }
        return users(doc).get(user);
    }

    /** user → password, as saved. */
    public Map<String, String> users() {
        return users(file.document());
    }

    /** The port of the URL last saved, if any. */
    public java.util.Optional<Integer> port() {
        String url = file.document().path("services").path("superset").path("url").asText();
        if (url.isEmpty()) {
            return java.util.Optional.empty();
        }
        int port = java.net.URI.create(url).getPort();
        return port > 0 ? java.util.Optional.of(port) : java.util.Optional.empty();
    }

    public String url() {
        String url = file.document().path("services").path("superset").path("url").asText();
        if (url.isEmpty()) {
            throw new IllegalStateException("no Superset entry in " + file.file() + ": run 'bin/unionstats superset start' first");
        }
        return url;
    }

    private static Map<String, String> users(ObjectNode doc) {
        Map<String, String> users = new LinkedHashMap<>();
        for (JsonNode user : doc.path("services").path("superset").path("users")) {
            users.put(user.path("name").asText(), user.path("password").asText());
        }
        return users;
    }

    private static ObjectNode entry(ObjectNode doc) {
        ObjectNode services = doc.get("services") instanceof ObjectNode s ? s : doc.putObject("services");
        return services.get("superset") instanceof ObjectNode s ? s : services.putObject("superset");
    }

    private static boolean ensureUser(ObjectNode superset, String name, String role) {
        ArrayNode users = superset.get("users") instanceof ArrayNode a ? a : superset.putArray("users");
        for (JsonNode user : users) {
            if (name.equals(user.path("name").asText()) && !user.path("password").asText().isEmpty()) {
                return false;
            }
        }
        users.addObject().put("name", name).put("password", Secrets.password(20)).putArray("roles").add(role);
        return true;
    }

    private void write(ObjectNode doc) {
        try {
            Secrets.writePrivate(file.file(), JSON.writeValueAsString(doc) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
