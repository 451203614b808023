package org.unionstats.validation;

import java.util.List;

/** The verdict on one row. */
public sealed interface RowResult {

    record Accepted(ValidatedRow row) implements RowResult {}

    record Rejected(List<Violation> violations) implements RowResult {
        public Rejected {
            violations = List.copyOf(violations);
        }
    }
}
