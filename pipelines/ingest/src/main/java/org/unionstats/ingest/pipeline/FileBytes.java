package org.unionstats.ingest.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileSystems;

/** Reads a whole submission through Beam's file systems (local, GCS, S3, HDFS). */
final class FileBytes {

    private FileBytes() {}

    static byte[] read(String resource) throws IOException {
        try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(resource, false)))) {
            return in.readAllBytes();
        }
    }
}
