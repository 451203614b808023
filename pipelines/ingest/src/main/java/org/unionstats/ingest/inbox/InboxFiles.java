package org.unionstats.ingest.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * The inbox as the ingest sees it: listed without following symbolic links, and files opened
 * only if they are regular files, again without following links. Local inboxes are walked
 * with {@code java.nio}; object stores ({@code gs://}, {@code s3://}), which have no links, are
 * listed through Beam's {@code FileSystems}.
 */
public final class InboxFiles {

    /**
     * How deep the walk goes: submissions are three levels down ({@code <submitter>/<period>/<file>});
     * anything deeper is refused anyway, so deeper folders are reported, not walked.
     */
    static final int MAX_DEPTH = 6;

    private InboxFiles() {}

    /** Every entry under the inbox except hidden ones (a name, or a folder above it, starting with {@code _} or {@code .}). */
    public static List<InboxEntry> list(String inbox) {
        List<InboxEntry> entries = isLocal(inbox) ? listLocal(inbox) : listRemote(inbox);
        entries.sort(Comparator.comparing(InboxEntry::relative));
        return entries;
    }

    static boolean isLocal(String location) {
        return !location.contains("://") || location.startsWith("file://");
    }

    private static Path localPath(String location) {
        return Path.of(location.startsWith("file://") ? location.substring("file://".length()) : location);
    }

    private static List<InboxEntry> listLocal(String inbox) {
        List<InboxEntry> entries = new ArrayList<>();
        Path root;
        try {
            // The configured inbox may itself be a link (an operator's choice); nothing below it is followed.
            root = localPath(inbox).toAbsolutePath().normalize().toRealPath();
        } catch (NoSuchFileException e) {
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the inbox " + inbox, e);
        }
        Path top = root;
        try {
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(top) || !hidden(dir.getFileName().toString()) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!hidden(file.getFileName().toString())) {
                        InboxEntry.Kind kind = attrs.isSymbolicLink() ? InboxEntry.Kind.SYMLINK
                                : attrs.isRegularFile() ? InboxEntry.Kind.REGULAR
                                : attrs.isDirectory() ? InboxEntry.Kind.TOO_DEEP
                                : InboxEntry.Kind.SPECIAL;
                        entries.add(new InboxEntry(relative(top, file), file.toString(), kind, attrs.size(),
                                attrs.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    if (!file.equals(top) && !hidden(file.getFileName().toString())) {
                        entries.add(new InboxEntry(relative(top, file), file.toString(), InboxEntry.Kind.UNREADABLE, -1, 0));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + inbox, e);
        }
        return entries;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static List<InboxEntry> listRemote(String inbox) {
        List<InboxEntry> files = new ArrayList<>();
        try {
            MatchResult result = FileSystems.match(inbox + "/**", EmptyMatchTreatment.ALLOW);
            if (result.status() == MatchResult.Status.OK) {
                String root = inbox.endsWith("/") ? inbox : inbox + "/";
                for (MatchResult.Metadata m : result.metadata()) {
                    String resource = m.resourceId().toString();
                    String relative = resource.startsWith(root) ? resource.substring(root.length()) : resource;
                    boolean hidden = java.util.Arrays.stream(relative.split("/")).anyMatch(InboxFiles::hidden);
                    if (!hidden && !m.resourceId().isDirectory()) {
                        files.add(new InboxEntry(relative, resource, InboxEntry.Kind.REGULAR, m.sizeBytes(), m.lastModifiedMillis()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + inbox, e);
        }
        return files;
    }

    static boolean hidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }

    /**
     * Opens a file for reading. A local file must still be a regular file, and is opened with
     * {@code O_NOFOLLOW}: a link put in its place after the listing is not followed.
     */
    public static InputStream open(String resource) throws IOException {
        if (isLocal(resource)) {
            Path path = localPath(resource);
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                throw new IOException("not a regular file");
            }
            return Files.newInputStream(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        }
        return Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(resource, false)));
    }

    /**
     * The whole file, at most {@code maxBytes} of it.
     *
     * @throws FileGrewException when it holds more (it grew after it was listed)
     */
    public static byte[] readBounded(String resource, long maxBytes) throws IOException {
        try (InputStream in = open(resource)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
            if (in.read() >= 0) {
                throw new FileGrewException();
            }
            return bytes;
        }
    }

    /** A file held more bytes than it was listed with, or than the limit. */
    public static final class FileGrewException extends IOException {
        private static final long serialVersionUID = 1L;

        FileGrewException() {
            super("the file is larger than when it was listed");
        }
    }

    /** The SHA-256 of a file's bytes, streamed. */
    public static String sha256(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            MessageDigest digest = digest();
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * A stable identity for an entry that is not read (a link, an oversized or unreadable file):
     * the hash of what the listing says about it, never of what it holds or points to.
     */
    public static String unreadIdentity(InboxEntry entry) {
        String description = "unread\0" + entry.relative() + "\0" + entry.kind() + "\0" + entry.sizeBytes() + "\0" + entry.modifiedMillis();
        return sha256(description.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
