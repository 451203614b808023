package org.unionstats.ingest.inbox;

/**
 * One thing found in the inbox, described from the directory entry itself (never through a link).
 *
 * @param relative the path below the inbox root, with {@code /} separators
 * @param resource the full path or URI to open it by
 * @param kind what the entry is; only {@link Kind#REGULAR} files are ever opened
 * @param sizeBytes the entry's size (of the link itself for a link), -1 when unknown
 * @param modifiedMillis the entry's modification time
 */
public record InboxEntry(String relative, String resource, Kind kind, long sizeBytes, long modifiedMillis) {

    public enum Kind {
        /** A regular file: the only kind that is read. */
        REGULAR,
        /** A symbolic link (to a file, a folder, or nothing): never followed. */
        SYMLINK,
        /** A folder deeper than any submission could be: not descended into. */
        TOO_DEEP,
        /** A device, pipe or socket. */
        SPECIAL,
        /** The entry could not be looked at (permissions, vanished while listing). */
        UNREADABLE
    }
}
