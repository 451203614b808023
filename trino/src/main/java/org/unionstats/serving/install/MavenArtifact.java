package org.unionstats.serving.install;

import java.nio.file.Path;

/** One artifact of Maven Central, pinned by its SHA-256, and where it sits in a local Maven repository. */
public record MavenArtifact(String groupId, String artifactId, String version, String extension, String classifier, String sha256) {

    public String fileName() {
        return artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + extension;
    }

    public Path in(Path localRepository) {
        return localRepository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version).resolve(fileName());
    }

    /** The coordinates as {@code mvn dependency:get -Dartifact=} takes them. */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version + ":" + extension + (classifier == null ? "" : ":" + classifier);
    }
}
