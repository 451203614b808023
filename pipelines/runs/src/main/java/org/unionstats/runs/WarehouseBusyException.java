package org.unionstats.runs;

/** Another run holds the warehouse's lock. */
public final class WarehouseBusyException extends RuntimeException {

    public WarehouseBusyException(String message) {
        super(message);
    }
}
