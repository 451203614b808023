package org.unionstats.dashboards.superset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Superset's REST API for one logged-in user: a JWT from {@code /api/v1/security/login}, and for
 * every write the CSRF token with the session cookie it belongs to (one client, one cookie jar).
 */
public final class SupersetClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final URI base;
    private final HttpClient http;
    private String accessToken;
    private String csrfToken;

    private SupersetClient(URI base) {
        this.base = base;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in with a database user and fetches a CSRF token. */
    public static SupersetClient login(String url, String username, String password) {
        SupersetClient client = new SupersetClient(URI.create(url.endsWith("/") ? url : url + "/"));
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password).put("provider", "db")
                .put("refresh", true);
        JsonNode login = client.send(HttpRequest.newBuilder(client.uri("api/v1/security/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "log in as " + username);
        client.accessToken = login.path("access_token").asText();
        try {
            client.csrfToken = client.get("api/v1/security/csrf_token/").path("result").asText();
        } catch (SupersetException e) {
            if (e.status() != 401 && e.status() != 403) {
                throw e;
            }
            // A read-only user (the leader role) may not ask for one; it only reads.
        }
        return client;
    }

    public JsonNode get(String path) {
        return send(authorised(path).GET(), "GET " + path);
    }

    public JsonNode post(String path, JsonNode body) {
        return send(authorised(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), "POST " + path);
    }

    public JsonNode put(String path, JsonNode body) {
        return send(authorised(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), "PUT " + path);
    }

    public JsonNode delete(String path) {
        return send(authorised(path).DELETE(), "DELETE " + path);
    }

    /** A multipart/form-data POST: text fields and one file field. */
    public JsonNode postMultipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
        String boundary = "----unionstats" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(field.getValue().getBytes(StandardCharsets.UTF_8));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(authorised(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "POST " + path);
    }

    /** Query-string value for Superset's rison-encoded {@code ?q=} parameter. */
    public static String q(String rison) {
        return "?q=" + URLEncoder.encode(rison, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder authorised(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("Accept", "application/json")
                .header("Referer", base.toString());
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        if (csrfToken != null) {
            builder.header("X-CSRFToken", csrfToken);
        }
        return builder;
    }

    private URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SupersetException("cannot " + what + " at " + base + ": " + e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupersetException("interrupted: " + what, 0, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String body = response.body();
            throw new SupersetException(what + " failed: HTTP " + status + ": " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body),
                    status, null);
        }
        try {
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SupersetException(what + " answered something other than JSON: " + response.body(), status, e);
        }
    }
}
