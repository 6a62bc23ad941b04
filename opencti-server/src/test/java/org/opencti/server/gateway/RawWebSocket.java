package org.opencti.server.gateway;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client on a plain TCP socket with a tiny receive buffer, so a test decides exactly when (and whether)
 * it reads: the desktop whose reader stalls. RFC 6455 framing, text and close frames only.
 */
final class RawWebSocket implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final OutputStream out;

    /** A frame from the server: {@code opcode} 1 text, 8 close (payload: 2-byte code, then the reason). */
    record Frame(int opcode, byte[] payload) {
        String text() { return new String(payload, StandardCharsets.UTF_8); }

        int closeCode() { return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff); }

        String closeReason() { return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8); }
    }

    RawWebSocket(int port) throws IOException {
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        out.write(("GET /cti/v1 HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String response = readHeaders();
        if (!response.startsWith("HTTP/1.1 101")) throw new IOException("WebSocket upgrade refused: " + response);
    }

    private String readHeaders() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) headers.write(in.readUnsignedByte());
        return headers.toString(StandardCharsets.US_ASCII);
    }

    /** Sends one masked text frame, as a browser does. */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) frame.write(0x80 | payload.length);
        else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Reads the next frame (blocking, at most the socket timeout). */
    Frame read() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) length = in.readUnsignedShort();
        else if (length == 127) length = in.readLong();
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    @Override public void close() throws IOException { socket.close(); }
}
