package org.unionstats.cli;

import org.unionstats.runs.ExitCodes;
import org.unionstats.runs.WarehouseBusyException;

import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr (the stack trace goes to the debug log only),
 * and maps them to exit codes a scheduler can act on.
 */
final class ClearErrors implements CommandLine.IExecutionExceptionHandler {

    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof org.unionstats.runs.WarehouseBusyException) {
            cli.getErr().println("unionstats " + cli.getCommandName() + ": " + e.getMessage());
            return org.unionstats.runs.ExitCodes.BUSY;
        }
        if (e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException) {
            cli.getErr().println("unionstats: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        LoggerFactory.getLogger(ClearErrors.class).debug("failure", e);
        cli.getErr().println("unionstats " + cli.getCommandName() + " failed: " + e.getMessage());
        return FAILURE;
    }
}
