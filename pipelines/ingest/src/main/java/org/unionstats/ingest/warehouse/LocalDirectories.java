package org.unionstats.ingest.warehouse;

import org.unionstats.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Folders exist only on local and HDFS-like file systems; object stores have none. These
 * helpers act on local paths and do nothing for URIs with a scheme.
 */
final class LocalDirectories {

    private LocalDirectories() {}

    static void ensureParent(String file) {
        local(file).ifPresent(p -> {
            try {
                Files.createDirectories(p.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Removes a folder tree that holds no files any more. */
    static void deleteEmpty(String dir) {
        local(dir).filter(Files::isDirectory).ifPresent(root -> {
            try (Stream<Path> walk = Files.walk(root)) {
                if (walk.anyMatch(Files::isRegularFile)) {
                    return;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            FileTrees.deleteRecursively(root);
        });
    }

    private static java.util.Optional<Path> local(String path) {
        if (path.contains("://") && !path.startsWith("file://")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(path.startsWith("file://") ? path.substring(7) : path));
    }
}
