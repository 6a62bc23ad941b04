package org.opencti.server;

import io.javalin.Javalin;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.websocket.WsContext;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.opencti.connector.spi.ConnectorContext;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.ErrorCode;
import org.opencti.model.event.CtiEvent;
import org.opencti.server.api.ApiErrors;
import org.opencti.server.api.RestApi;
import org.opencti.server.gateway.Gateway;
import org.opencti.server.gateway.Recording;
import org.opencti.server.platform.CustomerLookup;
import org.opencti.server.platform.PlatformMetrics;
import org.opencti.server.platform.PlatformQueries;
import org.opencti.server.platform.ScreenPop;
import org.opencti.server.platform.StoreRecording;
import org.opencti.server.platform.TableCustomerLookup;
import org.opencti.server.session.DesktopSocket;
import org.opencti.server.session.Sessions;
import org.opencti.server.session.Tokens;
import org.opencti.server.session.Users;
import org.opencti.store.Store;

/**
 * The OpenCTI server, wired in plain code: {@code OpenCtiServer.create(...).start(port)}; port 0 picks a free one.
 * It starts the connector with itself as the connector's context, and serves {@code WS /cti/v1}, the REST API under
 * {@code /api/v1} (with a store), {@code /health} and {@code /metrics}.
 */
public final class OpenCtiServer implements AutoCloseable {
    private final CtiConnector connector;
    private final Gateway gateway;
    private final Set<String> allowedOrigins;
    private final Scheduler scheduler;
    private final Store store;
    private final CustomerLookup lookup;
    private final PrometheusMeterRegistry registry;
    private final RestApi restApi;
    private final Map<WsContext, DesktopSocket> sockets = new ConcurrentHashMap<>();
    private Javalin http;

    private OpenCtiServer(ServerSetup setup) {
        this.connector = setup.connector();
        this.allowedOrigins = Set.copyOf(setup.allowedOrigins());
        this.scheduler = setup.scheduler();
        this.store = setup.store();
        this.registry = setup.meterRegistry() != null ? setup.meterRegistry() : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PlatformMetrics metrics = new PlatformMetrics(registry);
        Users users = new Users(setup.users());
        Sessions sessions = new Sessions(scheduler, setup.gateway().replayCapacity());
        Tokens tokens = new Tokens(setup.dataDir(), setup.gateway().tokenLifetime(), scheduler);
        metrics.sessions(sessions);
        metrics.link(connector::linkState);

        StoreRecording storeRecording = store == null ? null : new StoreRecording(store, scheduler);
        Recording recording = setup.recording() != null ? setup.recording() : storeRecording != null ? storeRecording : Recording.NONE;
        Consumer<Gateway.HandledRequest> handled = metrics::request;
        if (storeRecording != null) handled = handled.andThen(storeRecording); // the audit trail
        this.lookup = setup.customerLookup() != null ? setup.customerLookup()
                : store != null ? new TableCustomerLookup(store.customers()) : CustomerLookup.NONE;
        Gateway.BeforeDelivery screenPop = lookup == CustomerLookup.NONE ? Gateway.BeforeDelivery.NONE
                : new ScreenPop(lookup, setup.screenPopBudget(), scheduler, metrics::lookup);
        this.gateway = new Gateway(connector, users, sessions, tokens, scheduler, setup.gateway(),
                metrics.countingDeliveries(recording), screenPop, handled);
        if (store != null) metrics.store(store);
        this.restApi = store == null ? null
                : new RestApi(new PlatformQueries(store, sessions, scheduler), tokens, sessions, users, metrics);
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
            config.routes.get("/", ctx -> ctx.redirect("/desktop/pages/agent.html"));
            config.routes.get("/supervisor", ctx -> ctx.redirect("/desktop/pages/supervisor.html"));
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP", "link", connector.linkState().name())));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
            config.routes.before(ctx -> {
                if (ctx.path().startsWith(RestApi.BASE)) ApiErrors.assignRequestId(ctx);
            });
            if (restApi != null) restApi.register(config.routes);
            else config.routes.get(RestApi.OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(RestApi.openApiDocument()));
            config.routes.exception(Exception.class, ApiErrors::respond);
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith(RestApi.BASE)) ApiErrors.noRoute(ctx);
            });
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
        }).start(port);
        return this;
    }

    public int port() { return http.port(); }

    /** How many desktop sockets are open now. */
    public int openSockets() { return sockets.size(); }

    /** The registry behind {@code /metrics}. */
    public PrometheusMeterRegistry meterRegistry() { return registry; }

    private boolean originAllowed(String origin, String host) {
        return allowedOrigins.contains(origin) || origin.equals("http://" + host) || origin.equals("https://" + host);
    }

    /**
     * Graceful shutdown: stops HTTP and the connector (no new requests or events), stops screen-pop lookups, then
     * waits until the store has written every row recorded so far. The store itself stays open: its owner closes it.
     *
     * @throws org.opencti.store.StoreException when rows could not be written within the store's close timeout
     */
    @Override public void close() {
        try {
            if (http != null) http.stop();
            connector.close();
        } finally {
            lookup.close();
            if (store != null) store.flush();
        }
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
