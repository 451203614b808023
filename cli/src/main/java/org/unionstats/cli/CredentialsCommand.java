package org.unionstats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.concurrent.Callable;
import org.unionstats.serving.security.LocalCredentials;
import org.unionstats.serving.security.TrinoCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "Print the local services' URLs, users and passwords (from the git-ignored credentials file written at set-up).")
final class CredentialsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the credentials file: for each service its url and each user's name and password.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LocalCredentials file = Serving.credentialsFile();
        if (json) {
            file.trino();
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(file.document()));
            return 0;
        }
        print(file);
        return 0;
    }

    static void print(LocalCredentials file) {
        TrinoCredentials trino = file.trino();
        System.out.println("Trino     " + trino.url() + "   (catalog " + trino.catalog() + "; schemas warehouse, kpi, ops)");
        System.out.println("JDBC      " + trino.jdbcUrl());
        System.out.println("TLS cert  " + trino.certificate());
        trino.passwords().forEach((user, password) -> System.out.printf("  %-9s %s%n", user, password));
        System.out.println("(from " + file.file() + "; git-ignored, readable by you only)");
    }
}
