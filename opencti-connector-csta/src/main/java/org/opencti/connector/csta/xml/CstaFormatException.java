package org.opencti.connector.csta.xml;

/** A CSTA message that cannot be read at all (not XML). Lenient reading means little else ends here. */
public final class CstaFormatException extends Exception {
    public CstaFormatException(String message) { super(message); }
}
