package org.unionstats.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.environment.Environment;
import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.serving.publish.PublishSummary;
import org.unionstats.serving.publish.WarehousePublisher;
import org.unionstats.serving.query.QueryRunner;
import org.unionstats.serving.query.ResultTable;
import org.unionstats.serving.query.TrinoConnections;
import org.unionstats.serving.security.LocalCredentials;
import org.unionstats.serving.security.TrinoCredentials;
import org.unionstats.serving.security.TrinoUsers;
import org.unionstats.serving.server.ServedWarehouses;
import org.unionstats.serving.server.TrinoConfig;
import org.unionstats.serving.server.TrinoServer;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * The local Trino as the commands (trino, publish, query, credentials, bench, demo, run's publish
 * stage) share it: the server of the environment's state folder, its credentials, publishing and
 * queries. Built from the {@link CliContext}'s environment; it reads nothing else.
 */
public final class Serving {

    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

    /** The default schema of a query: the KPI views. */
    static final String DEFAULT_SCHEMA = "kpi";

    private final Environment environment;

    public Serving(Environment environment) {
        this.environment = environment;
    }

    public Environment environment() {
        return environment;
    }

    /** The local server's settings: the state folder's, with the ports of its last start. */
    public TrinoConfig config() {
        return TrinoConfig.of(environment);
    }

    /** The local server with its last settings. */
    public TrinoServer server() {
        return server(config());
    }

    public TrinoServer server(TrinoConfig config) {
        return new TrinoServer(config, environment, LOG::info);
    }

    public LocalCredentials credentialsFile() {
        return LocalCredentials.inStateFolder(environment.home());
    }

    /** Credentials of a server that answers; a clear message (exit 1) otherwise. */
    public TrinoCredentials runningTrino() {
        TrinoServer server = server();
        if (!server.status().ready()) {
            throw new UnionStatsException(ExitCode.FAILURE, server.status().describe() + ": start it with 'bin/unionstats trino start'");
        }
        return credentialsFile().trino();
    }

    /**
     * Publishes the warehouse as the pipeline user. The server's catalog reaches only its own
     * file-system root: the warehouse is linked into it first, and the links of warehouses
     * published before are removed once this one is published.
     */
    public PublishSummary publish(TrinoCredentials credentials, Path warehouse) throws SQLException {
        if (!Files.isDirectory(warehouse)) {
            throw UnionStatsException.badArguments("no warehouse folder " + warehouse);
        }
        ServedWarehouses served = ServedWarehouses.of(config());
        String location = served.link(warehouse);
        PublishSummary summary;
        try (Connection trino = TrinoConnections.open(credentials, TrinoUsers.PIPELINE)) {
            summary = new WarehousePublisher(TableCatalog.load(), LOG::info).publish(trino, warehouse, location);
        }
        served.keepOnly(location);
        return summary;
    }

    /** One statement on the running server as this user (schema kpi by default), at most so many rows. */
    public ResultTable query(String user, String sql, int maxRows) throws SQLException {
        try (Connection trino = TrinoConnections.open(runningTrino(), user)) {
            trino.setSchema(DEFAULT_SCHEMA);
            return QueryRunner.run(trino, sql, maxRows);
        }
    }

    /** The services' URLs, users and passwords, as 'credentials' prints them. */
    public void printCredentials(PrintStream out) {
        LocalCredentials file = credentialsFile();
        TrinoCredentials trino = file.trino();
        out.println("Trino     " + trino.url() + "   (catalog " + trino.catalog() + "; schemas warehouse, kpi, ops)");
        out.println("JDBC      " + trino.jdbcUrl());
        out.println("TLS cert  " + trino.certificate());
        trino.passwords().forEach((user, password) -> out.printf("  %-9s %s%n", user, password));
        out.println("(from " + file.file() + "; git-ignored, readable by you only)");
    }
}
