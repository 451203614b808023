package org.unionstats.runs;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where a run sends its OpenLineage events: an HTTP endpoint, a JSON-lines file, or nowhere.
 *
 * @param url the endpoint ({@code --lineage-url}), or null
 * @param file the file ({@code --lineage-file}), or null
 * @param namespace the jobs' namespace
 */
public record LineageTarget(URI url, Path file, String namespace) {

    public static final LineageTarget NONE = new LineageTarget(null, null, "unionstats");

    public LineageTarget {
        if (url != null && file != null) {
            throw new IllegalArgumentException("give either --lineage-url or --lineage-file, not both");
        }
    }

    public LineageEvents events() {
        if (url != null) {
            return OpenLineageEvents.http(url, namespace);
        }
        return file != null ? OpenLineageEvents.file(file, namespace) : LineageEvents.NONE;
    }
}
