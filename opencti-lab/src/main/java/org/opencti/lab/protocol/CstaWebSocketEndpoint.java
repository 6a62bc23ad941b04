package org.opencti.lab.protocol;

import io.javalin.Javalin;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.websocket.WsContext;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * CSTA III XML in WebSocket text frames at {@code /csta} (Javalin on Jetty 12): the same sessions, services and
 * errors as on TCP. Jetty does the framing; this class only maps sockets to {@link CstaSession}s.
 */
final class CstaWebSocketEndpoint implements AutoCloseable {

    static final String PATH = "/csta";

    /** What the server does when a socket opens, speaks and closes (each hops onto the event loop). */
    interface Sessions {
        void opened(ClientLink link);

        void received(ClientLink link, String text);

        void closed(ClientLink link);
    }

    private final Javalin app;
    private final Map<WsContext, WebSocketLink> links = new ConcurrentHashMap<>();
    private volatile boolean refusing;

    /** {@code onSilenced} runs for every message a half-open link swallows (see {@link LinkFaults}). */
    CstaWebSocketEndpoint(InetAddress bindAddress, int port, LongSupplier nextId, Sessions sessions, Runnable onSilenced) {
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.wsBeforeUpgrade(PATH, ctx -> {
                if (refusing)
                    throw new ServiceUnavailableResponse("The lab refuses new CSTA connections now (a link fault under test)");
            });
            config.routes.ws(PATH, ws -> {
                ws.onConnect(ctx -> {
                    ctx.session.setIdleTimeout(Duration.ZERO);
                    WebSocketLink link = new WebSocketLink(nextId.getAsLong(), ctx, onSilenced);
                    links.put(ctx, link);
                    sessions.opened(link);
                });
                ws.onMessage(ctx -> {
                    WebSocketLink link = links.get(ctx);
                    if (link != null && link.silent())
                        onSilenced.run();
                    else if (link != null)
                        sessions.received(link, ctx.message());
                });
                ws.onBinaryMessage(ctx -> ctx.closeSession(1003, "CSTA XML travels in text frames"));
                ws.onClose(ctx -> closed(ctx, sessions));
                ws.onError(ctx -> closed(ctx, sessions));
            });
        }).start(bindAddress.getHostAddress(), port);
    }

    int port() {
        return app.port();
    }

    /** {@code true}: upgrades to {@code /csta} are answered 503; sockets already open carry on. */
    void refuse(boolean refuse) {
        refusing = refuse;
    }

    private void closed(WsContext ctx, Sessions sessions) {
        WebSocketLink link = links.remove(ctx);
        if (link != null) {
            link.close();
            sessions.closed(link);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
