package org.unionstats.cli;
import org.unionstats.warehouse.tables.TableCatalog;


import java.nio.file.Path;
import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.serving.publish.PublishSummary;
import org.unionstats.serving.publish.WarehousePublisher;
import org.unionstats.serving.query.TrinoConnections;
import org.unionstats.serving.security.LocalCredentials;
import org.unionstats.serving.security.TrinoCredentials;
import org.unionstats.serving.security.TrinoUsers;
import org.unionstats.serving.server.TrinoConfig;
import org.unionstats.serving.server.TrinoServer;

/** The local Trino as the commands share it: the server of the state folder, its credentials, publishing. */
final class Serving {

    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

    private Serving() {}

    static TrinoServer server() {
        return new TrinoServer(TrinoConfig.defaults(), LOG::info);
    }

    static LocalCredentials credentialsFile() {
        return LocalCredentials.inStateFolder(TrinoConfig.defaults().stateFolder());
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
