package org.opencti.server.session;

/** One browser tab's WebSocket, as the session sees it. {@link #send} never blocks. */
public interface DesktopSocket {
    String id();

    void send(String text);

    void close(int code, String reason);
}
