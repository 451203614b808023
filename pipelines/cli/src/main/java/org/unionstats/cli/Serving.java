package org.unionstats.cli;

import java.nio.file.Path;
import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.serving.publish.PublishSummary;
import org.unionstats.serving.publish.TableCatalog;
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

    /** After a run: publish when the local Trino is up, say so when it is not. */
    static void publishIfRunning(String warehouse) throws Exception {
        if (warehouse.contains("://")) {
            System.out.println("trino: " + warehouse + " is not a local folder; publish it to your cluster with 'bin/unionstats publish'");
            return;
        }
        if (!server().status().ready()) {
            System.out.println("trino: not running, nothing published ('bin/unionstats trino start' then 'bin/unionstats publish --warehouse "
                    + warehouse + "')");
            return;
        }
        System.out.println("trino: " + publish(credentialsFile().trino(), Path.of(warehouse)).describe());
    }
}
