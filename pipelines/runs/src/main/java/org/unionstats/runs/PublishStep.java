package org.unionstats.runs;

import java.nio.file.Path;
import java.util.Optional;

/** The last stage of a run: make the new tables visible to readers (Trino) when a server is there. */
@FunctionalInterface
public interface PublishStep {

    /** No serving layer: the Parquet tables are the published form. */
    PublishStep NONE = (warehouse, progress) -> Optional.empty();

    /** @return what was published, or empty when there was nothing to publish to */
    Optional<String> publish(Path warehouse, RunProgress progress) throws Exception;
}
