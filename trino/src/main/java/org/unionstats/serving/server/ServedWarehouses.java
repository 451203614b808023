package org.unionstats.serving.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The warehouses the local Trino may read. Its catalog's file system is confined to
 * {@link TrinoConfig#fileSystemRoot()} ({@code local.location}); publishing a warehouse puts a link
 * to it there, {@code warehouses/<name>}, and its tables are registered at
 * {@code local:///warehouses/<name>/<table>}. Nothing else of this machine (the inbox with the
 * submissions as sent, the state folder's secrets, home folders) can be the location of a table,
 * whoever creates it: Trino refuses a location that leaves the root. Only this class, run by the
 * CLI on the machine, makes links.
 */
public final class ServedWarehouses {

    /** Where a warehouse's tables live inside the root: local:///warehouses/... */
    static final String SCHEME_ROOT = "local:///";

    private final Path root;
    private final Path folder;

    public ServedWarehouses(Path root, Path folder) {
        this.root = root.toAbsolutePath().normalize();
        this.folder = folder.toAbsolutePath().normalize();
        if (!this.folder.startsWith(this.root)) {
            throw new IllegalArgumentException(folder + " is not inside the file-system root " + root);
        }
    }

    public static ServedWarehouses of(TrinoConfig config) {
        return new ServedWarehouses(config.fileSystemRoot(), config.warehousesFolder());
    }

    /**
     * Links the warehouse into the root (again when the link points elsewhere) and returns the
     * location its tables get, {@code local:///warehouses/<name>}: tables at {@code <that>/<folder>}.
     */
    public String link(Path warehouse) {
        Path target = realWarehouse(warehouse);
        Path link = folder.resolve(name(target));
        try {
            Files.createDirectories(folder);
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
                return location(link);
            }
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
                throw new IllegalStateException(link + " is not a link made by publish: remove it");
            }
            Path fresh = folder.resolve("." + link.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(fresh);
            Files.createSymbolicLink(fresh, target);
            Files.move(fresh, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return location(link);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link the warehouse " + target + " into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The location {@link #link} gives this warehouse, without linking it. */
    public String locationOf(Path warehouse) {
        return location(folder.resolve(name(realWarehouse(warehouse))));
    }

    private Path realWarehouse(Path warehouse) {
        Path target;
        try {
            target = warehouse.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("no warehouse folder " + warehouse, e);
        }
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException("no warehouse folder " + warehouse);
        }
        if (target.startsWith(root) || root.startsWith(target)) {
            throw new IllegalArgumentException("the warehouse " + target + " and Trino's file-system root " + root + " must not contain each other");
        }
        return target;
    }

    /** Removes every link but the one of this location: what was published before no longer is. */
    public List<String> keepOnly(String location) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> links = Files.list(folder)) {
            List<Path> stale = links.filter(l -> !location(l).equals(location)).filter(Files::isSymbolicLink).toList();
            for (Path l : stale) {
                Files.deleteIfExists(l);
            }
            return stale.stream().map(l -> l.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The warehouse a location of {@link #link} points at, if its link is there. */
    public java.util.Optional<Path> target(String location) {
        if (!location.startsWith(SCHEME_ROOT)) {
            return java.util.Optional.empty();
        }
        Path link = root.resolve(location.substring(SCHEME_ROOT.length())).normalize();
        try {
            return link.startsWith(folder) && Files.isSymbolicLink(link) ? java.util.Optional.of(Files.readSymbolicLink(link))
                    : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private String location(Path link) {
        return SCHEME_ROOT + root.relativize(link).toString().replace('\\', '/');
    }

    /** A readable, stable name: the folder's name and a digest of its full path (two warehouses called "warehouse" differ). */
    static String name(Path realWarehouse) {
        String base = realWarehouse.getFileName() == null ? "root" : realWarehouse.getFileName().toString();
        base = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        if (base.startsWith(".")) {
            base = "_" + base.substring(1);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(realWarehouse.toString().getBytes(StandardCharsets.UTF_8));
            return base + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
