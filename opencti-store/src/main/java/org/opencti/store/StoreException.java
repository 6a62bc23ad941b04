package org.opencti.store;

/**
 * A database failure the caller cannot fix by changing its arguments: the message names what was attempted,
 * the database (URL without credentials) and what to check; the driver's exception is the cause.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
