package org.unionstats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.concurrent.Callable;
import org.unionstats.serving.security.LocalCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "Print the local services' URLs, users and passwords (from the git-ignored credentials file written at set-up).")
final class CredentialsCommand implements Callable<Integer> {

    private final Serving serving;

    @Option(names = "--json", description = "Print the credentials file: for each service its url and each user's name and password.")
    boolean json;

    CredentialsCommand(CliContext context) {
        this.serving = context.serving();
    }

    @Override
    public Integer call() throws Exception {
        if (json) {
            LocalCredentials file = serving.credentialsFile();
            file.trino();
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(file.document()));
            return 0;
        }
        serving.printCredentials(System.out);
        return 0;
    }
}
