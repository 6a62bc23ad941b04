package org.opencti.lab.pbx;

/** A refused service: thrown before any side effect, answered as a CSTAErrorCode with this message. */
public final class CstaException extends RuntimeException {

    private final transient CstaError error;

    public CstaException(CstaError error, String message) {
        super(message);
        this.error = error;
    }

    public CstaError error() {
        return error;
    }
}
