package org.unionstats.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixLocalFileSystemTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void modeBitsMapToPosixPermissions() {
        // 0755 = rwx for the owner, r-x for group and others; 0640 = rw- r-- ---.
        assertThat(PosixLocalFileSystem.Raw.posix(0755)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(PosixLocalFileSystem.Raw.posix(0640)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(PosixLocalFileSystem.Raw.posix(0)).isEqualTo(PosixFilePermissions.fromString("---------"));
    }

    @Test
    void createsDirectoriesAndFilesWithTheirPermissionsAndChecksums() throws Exception {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", PosixLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        try (FileSystem fs = FileSystem.get(dir.toUri(), conf)) {
            assertThat(fs).isInstanceOf(PosixLocalFileSystem.class);
            Path table = new Path(dir.toUri().toString(), "kpi_values/period=2024Q4");
            assertThat(fs.mkdirs(table, new FsPermission((short) 0750))).isTrue();
            try (FSDataOutputStream out = fs.create(new Path(table, "part-0.parquet"), new FsPermission((short) 0640),
                    true, 4096, (short) 1, 1 << 20, null)) {
                out.write("rows".getBytes(StandardCharsets.UTF_8));
            }
            java.nio.file.Path written = dir.resolve("kpi_values/period=2024Q4");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rwxr-x---");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written.resolve("part-0.parquet")))).isEqualTo("rw-r-----");
            // Still the checksummed local file system: the file has its .crc beside it, and reads back.
            assertThat(Files.exists(written.resolve(".part-0.parquet.crc"))).isTrue();
            assertThat(new String(fs.open(new Path(table, "part-0.parquet")).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("rows");
        }
    }
}
