package org.unionstats.cli;

import java.nio.file.Path;
import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.environment.Environment;
import org.unionstats.serving.publish.PublishSummary;
import org.unionstats.serving.publish.WarehousePublisher;
import org.unionstats.serving.query.TrinoConnections;
import org.unionstats.serving.security.LocalCredentials;
import org.unionstats.serving.security.TrinoCredentials;
import org.unionstats.serving.security.TrinoUsers;
import org.unionstats.serving.server.TrinoConfig;
import org.unionstats.serving.server.TrinoServer;
import org.unionstats.warehouse.tables.TableCatalog;

/** The local Trino as the commands share it: the server of the state folder, its credentials, publishing. */
final class Serving {

    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

    private Serving() {}

    /** This process's environment, read at each call: the integration tests point the state folder elsewhere between commands. */
    static Environment environment() {
        return Environment.fromSystem();
    }

    static TrinoServer server() {
        Environment environment = environment();
        return new TrinoServer(TrinoConfig.of(environment), environment, LOG::info);
    }

    static LocalCredentials credentialsFile() {
        return LocalCredentials.inStateFolder(environment().home());
    }

    /** Credentials of a server that answers; a clear message otherwise. */
    static TrinoCredentials runningTrino() {
        TrinoServer server = server();
        if (!server.status().ready()) {
            throw new IllegalStateException(server.status().describe() + ": start it with 'bin/unionstats trino start'");
        }
        return credentialsFile().trino();
    }

    static PublishSummary publish(TrinoCredentials credentials, Path warehouse) throws Exception {
        try (Connection trino = TrinoConnections.open(credentials, TrinoUsers.PIPELINE)) {
            return new WarehousePublisher(TableCatalog.load(), LOG::info).publish(trino, warehouse);
        }
    }
}
