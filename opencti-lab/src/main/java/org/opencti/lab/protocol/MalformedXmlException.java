package org.opencti.lab.protocol;

/** A message body that is not well-formed XML; the message says where. */
public final class MalformedXmlException extends RuntimeException {

    public MalformedXmlException(String message) {
        super(message);
    }

    public MalformedXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
