package org.unionstats.runs;
import org.unionstats.warehouse.runs.RunRecord;


import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * One writer at a time: an OS lock on the warehouse's lock file ({@link WarehouseLayout#lock()}),
 * which the OS releases when the holder dies, even by SIGKILL. The file names its holder while the lock is held and is emptied on
 * a clean release, so a holder found in it by the next run is a run that was killed.
 */
public final class WarehouseLock implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileChannel channel;
    private final FileLock lock;
    private final LockHolder abandoned;

    private WarehouseLock(FileChannel channel, FileLock lock, LockHolder abandoned) {
        this.channel = channel;
        this.lock = lock;
        this.abandoned = abandoned;
    }

    /**
     * Takes the warehouse's lock, waiting up to {@code wait} (zero: refuse at once) while another run holds it.
     *
     * @throws WarehouseBusyException naming the holder when it is still held
     */
    public static WarehouseLock acquire(Path warehouse, LockHolder me, Duration wait, Consumer<String> waiting) {
        Path file = WarehouseLayout.of(warehouse).lock();
        Instant deadline = Instant.now().plus(wait);
        boolean told = false;
        try {
            Files.createDirectories(warehouse);
            while (true) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    LockHolder previous = read(channel).orElse(null);
                    write(channel, me);
                    return new WarehouseLock(channel, lock, previous);
                }
                LockHolder holder = read(channel).orElse(null);
                channel.close();
                String who = holder == null ? "another run" : holder.describe();
                if (!Instant.now().isBefore(deadline)) {
                    throw new WarehouseBusyException("the warehouse " + warehouse + " is in use by " + who
                            + (wait.isZero() ? "; try again later, or pass --wait to wait for it" : "; waited " + wait.toSeconds() + " s"));
                }
                if (!told) {
                    waiting.accept("waiting for the warehouse: it is in use by " + who);
                    told = true;
                }
                Thread.sleep(Math.min(1000, Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the warehouse (" + file + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseBusyException("interrupted while waiting for the warehouse " + warehouse);
        }
    }

    /**
     * The lock for a one-stage command ({@code ingest}, {@code kpi}): refuses at once while a run holds
     * the warehouse, and records a killed predecessor in the run history. Null (nothing to hold) for a
     * warehouse on object storage, where the scheduler must be the single writer.
     */
    public static WarehouseLock forCommand(String warehouse, String command) {
        if (warehouse.contains("://")) {
            return null;
        }
        Path root = Path.of(warehouse).toAbsolutePath().normalize();
        Instant now = Instant.now();
        WarehouseLock lock = acquire(root, LockHolder.thisProcess(command + "-" + now.toEpochMilli(), command, now), Duration.ZERO,
                m -> { });
        lock.abandoned().ifPresent(killed -> new RunHistory(root).append(killed.abandoned(now)));
        return lock;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process
        }
    }

    /** The run that held the lock last without releasing it (it was killed), if any. */
    public Optional<LockHolder> abandoned() {
        return Optional.ofNullable(abandoned);
    }

    /** Who holds the warehouse now, read without taking the lock (for messages and the runs command). */
    public static Optional<LockHolder> holder(Path warehouse) {
        Path file = WarehouseLayout.of(warehouse).lock();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<LockHolder> read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 64 * 1024));
        channel.read(buffer, 0);
        try {
            return Optional.of(JSON.readValue(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8), LockHolder.class));
        } catch (IOException e) {
            return Optional.empty(); // torn write of a killed holder: nothing to name
        }
    }

    private static void write(FileChannel channel, LockHolder me) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(me)), 0);
        channel.force(true);
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            channel.force(true);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the warehouse lock", e);
        }
    }
}
