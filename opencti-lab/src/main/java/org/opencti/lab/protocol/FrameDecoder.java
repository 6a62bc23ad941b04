package org.opencti.lab.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a TCP byte stream into {@link Frame}s: several frames per read and frames split across reads are
 * normal. A header that cannot be trusted (non-zero first bytes, a length below 8, an invokeID that is not
 * 4 digits) is a {@link BadFrameException}: the stream cannot be resynchronised, so the connection must close.
 */
public final class FrameDecoder {

    private byte[] buffer = new byte[0];

    public List<Frame> feed(byte[] bytes, int length) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream(buffer.length + length);
        joined.write(buffer, 0, buffer.length);
        joined.write(bytes, 0, length);
        byte[] data = joined.toByteArray();
        List<Frame> frames = new ArrayList<>();
        int offset = 0;
        while (data.length - offset >= Frame.HEADER_LENGTH) {
            if (data[offset] != 0 || data[offset + 1] != 0)
                throw new BadFrameException(String.format("Bad CSTA header: bytes 0-1 are 0x%02X%02X; expected 0x0000",
                        data[offset], data[offset + 1]));
            int total = ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
            if (total < Frame.HEADER_LENGTH)
                throw new BadFrameException("Bad CSTA header: length " + total + "; expected 8 to 65535 including the header");
            String invokeId = new String(data, offset + 4, 4, StandardCharsets.US_ASCII);
            if (!invokeId.matches("\\d{4}"))
                throw new BadFrameException("Bad CSTA header: invokeID '" + invokeId.replaceAll("\\p{Cntrl}", "?") + "'; expected 4 ASCII digits");
            if (data.length - offset < total)
                break;
            byte[] body = new byte[total - Frame.HEADER_LENGTH];
            System.arraycopy(data, offset + Frame.HEADER_LENGTH, body, 0, body.length);
            frames.add(new Frame(invokeId, body));
            offset += total;
        }
        buffer = new byte[data.length - offset];
        System.arraycopy(data, offset, buffer, 0, buffer.length);
        return frames;
    }
}
