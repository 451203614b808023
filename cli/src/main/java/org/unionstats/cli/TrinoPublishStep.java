package org.unionstats.cli;

import java.util.Optional;
import org.unionstats.runs.PublishStep;

/** The publish stage of run and backfill: the local Trino when it answers, nothing otherwise. */
public final class TrinoPublishStep {

    private TrinoPublishStep() {}

    public static PublishStep localTrino(Serving serving) {
        return (warehouse, progress) -> {
            if (!serving.server().status().ready()) {
                return Optional.empty();
            }
            return Optional.of("trino: " + serving.publish(serving.credentialsFile().trino(), warehouse).describe());
        };
    }
}
