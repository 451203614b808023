package org.unionstats.cli;

import org.slf4j.LoggerFactory;
import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr (the stack trace goes to the debug log only). The
 * exception's type decides the exit code: a {@link UnionStatsException} carries its own (bad
 * arguments 2, refused 3, busy 4…), picocli's {@link CommandLine.ParameterException} is 2, anything
 * else is a failure, 1.
 */
final class ClearErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        ExitCode code = exitCode(e);
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        // "unionstats kpi", "unionstats trino start": the command as it was typed.
        String command = cli.getCommandSpec().qualifiedName(" ");
        switch (code) {
            case BAD_ARGUMENTS -> cli.getErr().println("unionstats: " + message);
            case FAILURE -> {
                LoggerFactory.getLogger(ClearErrors.class).debug("failure", e);
                cli.getErr().println(command + " failed: " + message);
            }
            default -> cli.getErr().println(command + ": " + message);
        }
        return code.code();
    }

    static ExitCode exitCode(Exception e) {
        if (e instanceof UnionStatsException known) {
            return known.exitCode();
        }
        if (e instanceof CommandLine.ParameterException) {
            return ExitCode.BAD_ARGUMENTS;
        }
        return ExitCode.FAILURE;
    }
}
