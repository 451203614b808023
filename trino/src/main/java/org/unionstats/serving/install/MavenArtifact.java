package org.unionstats.serving.install;

/** One artifact of Maven Central, pinned by its SHA-256. */
public record MavenArtifact(String groupId, String artifactId, String version, String extension, String classifier, String sha256) {

    /** The file's name as Maven copies it ({@code dependency:copy} keeps the version). */
    public String fileName() {
        return artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + extension;
    }

    /** groupId:artifactId:version:extension[:classifier]. */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version + ":" + extension + (classifier == null ? "" : ":" + classifier);
    }
}
