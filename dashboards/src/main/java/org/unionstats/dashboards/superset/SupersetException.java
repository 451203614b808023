package org.unionstats.dashboards.superset;

/** A Superset API call that failed, with the HTTP status (0 when the server could not be reached). */
public final class SupersetException extends RuntimeException {

    private final int status;

    public SupersetException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
