package org.opencti.server;

import io.javalin.Javalin;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opencti.connector.spi.ConnectorContext;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.event.CtiEvent;
import org.opencti.server.gateway.Gateway;
import org.opencti.server.session.DesktopSocket;
import org.opencti.server.session.Sessions;
import org.opencti.server.session.Tokens;
import org.opencti.server.session.Users;

/**
 * The OpenCTI server, wired in plain code: {@code OpenCtiServer.create(...).start(port)}; port 0 picks a free one.
 * It starts the connector with itself as the connector's context, and serves {@code WS /cti/v1} and {@code /health}.
 */
public final class OpenCtiServer implements AutoCloseable {
    private final CtiConnector connector;
    private final Gateway gateway;
    private final Set<String> allowedOrigins;
    private final Scheduler scheduler;
    private final Map<WsContext, DesktopSocket> sockets = new ConcurrentHashMap<>();
    private Javalin http;

    private OpenCtiServer(ServerSetup setup) {
        this.connector = setup.connector();
        this.allowedOrigins = Set.copyOf(setup.allowedOrigins());
        this.scheduler = setup.scheduler();
        this.gateway = new Gateway(connector, new Users(setup.users()),
                new Sessions(scheduler, setup.gateway().replayCapacity()),
                new Tokens(setup.dataDir(), setup.gateway().tokenLifetime(), scheduler),
                scheduler, setup.gateway(), setup.recording());
    }

    public static OpenCtiServer create(ServerSetup setup) { return new OpenCtiServer(setup); }

    public OpenCtiServer start(int port) {
        connector.start(new ConnectorContext() {
            @Override public void publish(CtiEvent event) { gateway.publish(event); }

            @Override public Scheduler scheduler() { return scheduler; }
        });
        http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // The desktop library's ES modules; browsers refuse JSON module imports served as anything but JSON.
            config.staticFiles.add(files -> {
                files.hostedPath = "/desktop";
                files.directory = "/opencti/desktop";
                files.location = Location.CLASSPATH;
                files.mimeTypes.add("application/json", "json");
                files.mimeTypes.add("text/javascript", "js");
            });
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP", "link", connector.linkState().name())));
            config.routes.wsBeforeUpgrade("/cti/v1", ctx -> {
                String origin = ctx.header("Origin");
                if (origin != null && !originAllowed(origin, ctx.host()))
                    throw new ForbiddenResponse(ErrorCode.OPENCTI_NOT_AUTHORIZED + ": origin " + origin
                            + " is not allowed; allowed: " + allowedOrigins + " and this server's own origin.");
            });
            config.routes.ws("/cti/v1", ws -> {
                ws.onConnect(ctx -> {
                    ctx.session.setIdleTimeout(java.time.Duration.ZERO);
                    DesktopSocket socket = new JettySocket(ctx);
                    sockets.put(ctx, socket);
                    gateway.opened(socket);
                });
                ws.onMessage(ctx -> gateway.received(sockets.get(ctx), ctx.message()));
                ws.onClose(ctx -> {
                    DesktopSocket socket = sockets.remove(ctx);
                    if (socket != null) gateway.closed(socket);
                });
            });
            config.routes.exception(CtiException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                    .json(Map.of("code", e.code().name(), "message", e.getMessage(), "details", e.details())));
        }).start(port);
        return this;
    }

    public int port() { return http.port(); }

    /** How many desktop sockets are open now. */
    public int openSockets() { return sockets.size(); }

    private boolean originAllowed(String origin, String host) {
        return allowedOrigins.contains(origin) || origin.equals("http://" + host) || origin.equals("https://" + host);
    }

    @Override public void close() {
        if (http != null) http.stop();
        connector.close();
    }

    /** A Jetty WebSocket seen as a {@link DesktopSocket}. */
    private record JettySocket(WsContext ctx) implements DesktopSocket {
        @Override public String id() { return ctx.sessionId(); }

        @Override public void send(String text) {
            if (ctx.session.isOpen()) ctx.send(text);
        }

        @Override public void close(int code, String reason) { ctx.closeSession(code, reason); }
    }
}
