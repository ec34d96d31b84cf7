package io.sloc.promql.storage;

/** A rejected append (out-of-order or conflicting duplicate sample); messages match Prometheus's TSDB errors. */
public final class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }
}
