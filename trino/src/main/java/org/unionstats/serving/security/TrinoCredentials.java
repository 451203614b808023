package org.unionstats.serving.security;

import java.nio.file.Path;
import java.util.Map;

/** Where Trino answers and who may log in. */
public record TrinoCredentials(String url, Path certificate, String catalog, Map<String, String> passwords) {

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no user '" + user + "' in the credentials file; users: " + String.join(", ", passwords.keySet()));
        }
        return password;
    }

    /** The JDBC URL, trusting the server's own certificate. */
    public String jdbcUrl() {
        String hostPort = url.replaceFirst("^https?://", "").replaceAll("/+$", "");
        return "jdbc:trino://" + hostPort + "/" + catalog + "?SSL=true&SSLTrustStorePath=" + certificate;
    }
}
