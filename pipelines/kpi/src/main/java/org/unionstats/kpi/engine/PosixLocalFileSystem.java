package org.unionstats.kpi.engine;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:} paths, with its checksums) that sets permissions through {@code java.nio}.
 * Without Hadoop's native library, which no Maven artifact carries, Hadoop starts a {@code chmod} process for every
 * directory and file it creates: some 800 processes in one KPI run over the default sample, each a few milliseconds
 * inside a write task. Registered as {@code fs.file.impl} by the KPI job's session; on object storage it is not used.
 */
public final class PosixLocalFileSystem extends LocalFileSystem {

    public PosixLocalFileSystem() {
        super(new Raw());
    }

    /** The raw file system underneath: only {@link #setPermission} differs from Hadoop's. */
    static final class Raw extends RawLocalFileSystem {

        private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (!POSIX) {
                super.setPermission(p, permission);
                return;
            }
            Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission.toShort()));
        }

        /** The rwx bits of a mode such as 0755 (set-id and sticky bits are not used for warehouse files). */
        static Set<PosixFilePermission> posix(int mode) {
            Set<PosixFilePermission> bits = EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
            for (int bit = 0; bit < order.length; bit++) {
                if ((mode & (1 << bit)) != 0) {
                    bits.add(order[bit]);
                }
            }
            return bits;
        }
    }
}
