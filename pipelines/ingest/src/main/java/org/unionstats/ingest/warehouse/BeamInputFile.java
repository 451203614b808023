package org.unionstats.ingest.warehouse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet input file on any file system Beam knows (local, GCS, S3, HDFS). */
final class BeamInputFile implements InputFile {

    private final ResourceId resource;
    private final long length;

    BeamInputFile(ResourceId resource, long length) {
        this.resource = resource;
        this.length = length;
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        SeekableByteChannel channel = (SeekableByteChannel) FileSystems.open(resource);
        return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
            @Override
            public long getPos() throws IOException {
                return channel.position();
            }

            @Override
            public void seek(long newPos) throws IOException {
                channel.position(newPos);
            }

            @Override
            public int read(ByteBuffer buf) throws IOException {
                return channel.read(buf);
            }
        };
    }
}
