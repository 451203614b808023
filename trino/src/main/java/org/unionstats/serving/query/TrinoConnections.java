package org.unionstats.serving.query;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.unionstats.serving.security.TrinoCredentials;

/** JDBC connections to the local Trino as one of its users, over HTTPS, trusting its own certificate. */
public final class TrinoConnections {

    private TrinoConnections() {}

    public static Connection open(TrinoCredentials credentials, String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", credentials.password(user));
        properties.setProperty("source", "unionstats");
        try {
            return DriverManager.getConnection(credentials.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw new SQLException("cannot connect to Trino at " + credentials.url() + " as " + user + ": " + e.getMessage()
                    + " (is it running? 'bin/unionstats trino status')", e);
        }
    }
}
