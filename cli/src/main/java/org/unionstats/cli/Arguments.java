package org.unionstats.cli;

import java.util.function.Supplier;
import org.unionstats.errors.UnionStatsException;

/**
 * Reading option values in a command. The parsers of the modules (periods, scales, stages…) refuse
 * a bad value with an {@link IllegalArgumentException}; read through here, that refusal is the
 * caller's mistake (exit 2), while the same exception anywhere else is a failure (exit 1).
 */
public final class Arguments {

    private Arguments() {}

    public static <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw UnionStatsException.badArguments(e.getMessage());
        }
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw UnionStatsException.badArguments(message);
        }
    }
}
