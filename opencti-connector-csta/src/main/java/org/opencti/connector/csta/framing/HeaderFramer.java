package org.opencti.connector.csta.framing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The 8-byte header: two zero bytes, the big-endian <em>unsigned</em> total length including the header, then the
 * invokeID as 4 ASCII digits. The length is read unsigned on purpose: a signed read breaks frames over 32 KiB.
 */
public record HeaderFramer() implements Framer {
    static final int HEADER = 8;
    static final int MAX_FRAME = 0xFFFF;

    @Override public byte[] encode(String invokeId, String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        int total = HEADER + body.length;
        if (total > MAX_FRAME)
            throw new IllegalArgumentException("CSTA message of " + total + " bytes does not fit the 8-byte header (at most " + MAX_FRAME + ")");
        if (invokeId.length() != 4 || !invokeId.chars().allMatch(Character::isDigit))
            throw new IllegalArgumentException("invokeID must be 4 ASCII digits, got '" + invokeId + "'");
        byte[] frame = new byte[total];
        frame[2] = (byte) (total >>> 8);
        frame[3] = (byte) total;
        System.arraycopy(invokeId.getBytes(StandardCharsets.US_ASCII), 0, frame, 4, 4);
        System.arraycopy(body, 0, frame, HEADER, body.length);
        return frame;
    }

    @Override public boolean carriesInvokeId() { return true; }

    @Override public Decoder decoder() {
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        return (bytes, length) -> {
            pending.write(bytes, 0, length);
            byte[] buffer = pending.toByteArray();
            List<Frame> frames = new ArrayList<>();
            int at = 0;
            while (buffer.length - at >= HEADER) {
                if (buffer[at] != 0 || buffer[at + 1] != 0)
                    throw new FramingException("bad CSTA header: bytes 0-1 are " + (buffer[at] & 0xFF) + "," + (buffer[at + 1] & 0xFF) + "; expected 0,0");
                int total = ((buffer[at + 2] & 0xFF) << 8) | (buffer[at + 3] & 0xFF);
                if (total < HEADER) throw new FramingException("bad CSTA header: length " + total + " is below 8");
                String invokeId = new String(buffer, at + 4, 4, StandardCharsets.US_ASCII);
                if (!invokeId.chars().allMatch(Character::isDigit))
                    throw new FramingException("bad CSTA header: invokeID '" + invokeId + "' is not 4 ASCII digits");
                if (buffer.length - at < total) break;
                frames.add(new Frame(invokeId, new String(buffer, at + HEADER, total - HEADER, StandardCharsets.UTF_8)));
                at += total;
            }
            pending.reset();
            pending.write(buffer, at, buffer.length - at);
            return frames;
        };
    }
}
