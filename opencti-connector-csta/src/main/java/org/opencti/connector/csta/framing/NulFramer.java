package org.opencti.connector.csta.framing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Each XML document ends with one NUL byte; no header, so the invokeID rides in the root element's attribute. */
public record NulFramer() implements Framer {
    static final int MAX_FRAME = 1 << 20;

    @Override public byte[] encode(String invokeId, String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[body.length + 1];
        System.arraycopy(body, 0, frame, 0, body.length);
        return frame;
    }

    @Override public boolean carriesInvokeId() { return false; }

    @Override public Decoder decoder() {
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        return (bytes, length) -> {
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                if (bytes[i] != 0) {
                    pending.write(bytes[i]);
                    if (pending.size() > MAX_FRAME)
                        throw new FramingException("NUL-terminated CSTA message longer than " + MAX_FRAME + " bytes");
                    continue;
                }
                String xml = pending.toString(StandardCharsets.UTF_8).strip();
                pending.reset();
                if (!xml.isEmpty()) frames.add(new Frame(null, xml));
            }
            return frames;
        };
    }
}
