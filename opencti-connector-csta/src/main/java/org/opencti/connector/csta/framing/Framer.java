package org.opencti.connector.csta.framing;

import java.util.List;

/**
 * How CSTA XML messages are delimited on a byte stream. Pluggable because switches differ: the de-facto 8-byte
 * header (OpenScape, Avaya DMCC, the lab) and NUL-terminated documents (some hosted CSTA services).
 */
public sealed interface Framer permits HeaderFramer, NulFramer {

    /** The bytes of one message; {@code invokeId} is 4 ASCII digits. */
    byte[] encode(String invokeId, String xml);

    /** Whether the invokeID travels in the framing (else the XML root carries it as an attribute). */
    boolean carriesInvokeId();

    /** A fresh decoder for one connection: it buffers partial frames between reads. */
    Decoder decoder();

    /** Splits a byte stream into frames; several frames per read and frames split over reads are both normal. */
    interface Decoder {
        /** Consumes {@code length} bytes and returns the frames they complete. */
        List<Frame> feed(byte[] bytes, int length) throws FramingException;
    }

    static Framer header() { return new HeaderFramer(); }

    static Framer nulTerminated() { return new NulFramer(); }
}
