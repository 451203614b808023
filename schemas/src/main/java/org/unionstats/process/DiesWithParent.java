package org.unionstats.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Runs another main class in a child JVM that ends when the process that started it ends, even
 * when that process is killed with SIGKILL (which leaves its children running otherwise):
 * {@code java -cp ... org.unionstats.process.DiesWithParent <main class> <args...>}. The warehouse
 * lock is the parent's, so its child must not write on after it.
 */
public final class DiesWithParent {

    /** Exit code of a child that stopped because its parent was gone (128 + SIGKILL, as if it was killed with it). */
    public static final int ORPHANED = 137;

    private DiesWithParent() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: DiesWithParent <main class> [args...]");
            System.exit(2);
        }
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isPresent()) {
            watch(parent.get());
        }
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watch(ProcessHandle parent) {
        Thread watcher = new Thread(() -> {
            while (true) {
                if (!parent.isAlive()) {
                    System.err.println("the process that started this job has ended: stopping");
                    Runtime.getRuntime().halt(ORPHANED);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "dies-with-parent");
        watcher.setDaemon(true);
        watcher.start();
    }
}
