package org.opencti.server;

import io.javalin.Javalin;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.websocket.WsContext;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.opencti.connector.spi.ConnectorContext;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.ErrorCode;
import org.opencti.model.event.CtiEvent;
import org.opencti.server.api.ApiErrors;
import org.opencti.server.api.RestApi;
import org.opencti.server.gateway.Gateway;
import org.opencti.server.gateway.GatewaySettings;
import org.opencti.server.gateway.Recording;
import org.opencti.server.gateway.Supervision;
import org.opencti.server.platform.CustomerLookup;
import org.opencti.server.platform.PlatformMetrics;
import org.opencti.server.platform.PlatformQueries;
import org.opencti.server.platform.QueueMonitoring;
import org.opencti.server.platform.QueueStatistics;
import org.opencti.server.platform.ScreenPop;
import org.opencti.server.platform.StoreRecording;
import org.opencti.server.platform.TableCustomerLookup;
import org.opencti.server.session.DesktopSocket;
import org.opencti.server.session.SendQueue;
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
    private static final int OVERFLOWS_KEPT = 100;

    private final CtiConnector connector;
    private final Gateway gateway;
    private final Set<String> allowedOrigins;
    private final Scheduler scheduler;
    private final Store store;
    private final CustomerLookup lookup;
    private final PrometheusMeterRegistry registry;
    private final RestApi restApi;
    private final QueueMonitoring queueMonitoring;
    private final GatewaySettings settings;
    private final PlatformMetrics metrics;
    private final ConcurrentLinkedDeque<SendQueue.Counters> overflowed = new ConcurrentLinkedDeque<>();
    private final Map<WsContext, DesktopSocket> sockets = new ConcurrentHashMap<>();
    private Javalin http;

    private OpenCtiServer(ServerSetup setup) {
        this.connector = setup.connector();
        this.allowedOrigins = Set.copyOf(setup.allowedOrigins());
        this.scheduler = setup.scheduler();
        this.store = setup.store();
        this.registry = setup.meterRegistry() != null ? setup.meterRegistry() : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.settings = setup.gateway();
        PlatformMetrics metrics = new PlatformMetrics(registry);
        this.metrics = metrics;
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
        QueueStatistics queueStatistics = new QueueStatistics(setup.queues());
        Supervision supervision = new Supervision(sessions, users, connector, scheduler, queueStatistics,
                storeRecording != null ? storeRecording::stateChange : change -> {});
        this.gateway = new Gateway(connector, users, sessions, tokens, scheduler, setup.gateway(),
                metrics.countingDeliveries(recording), screenPop, handled, supervision);
        this.queueMonitoring = new QueueMonitoring(connector, setup.queues(), scheduler);
        metrics.sockets(sockets::size, () -> queueMonitoring.monitored().size());
        if (store != null) metrics.store(store);
        this.restApi = store == null ? null : new RestApi(new PlatformQueries(store, sessions, scheduler, queueStatistics),
                tokens, sessions, users, metrics, supervision);
    }

    public static OpenCtiServer create(ServerSetup setup) { return new OpenCtiServer(setup); }

    public OpenCtiServer start(int port) {
        connector.start(new ConnectorContext() {
            @Override public void publish(CtiEvent event) { gateway.publish(event); }

            @Override public Scheduler scheduler() { return scheduler; }
        });
        queueMonitoring.start();
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
                    ctx.session.setIdleTimeout(Duration.ZERO);
                    DesktopSocket socket = new SendQueue(new JettySocket(ctx, scheduler), settings.sendQueueFrames(),
                            settings.sendQueueBytes(), this::overflowed);
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

    /** The queue devices the connector monitors now (after a start or restart, once its link is up). */
    public Set<String> monitoredQueues() { return queueMonitoring.monitored(); }

    /** How many desktop sockets are open now. */
    public int openSockets() { return sockets.size(); }

    /** The registry behind {@code /metrics}. */
    public PrometheusMeterRegistry meterRegistry() { return registry; }

    /** The send queues of the sockets closed because their reader fell behind (the newest {@value #OVERFLOWS_KEPT}). */
    public List<SendQueue.Counters> overflowedSockets() { return List.copyOf(overflowed); }

    private void overflowed(SendQueue socket) {
        metrics.socketOverflowed();
        overflowed.addLast(socket.counters());
        while (overflowed.size() > OVERFLOWS_KEPT) overflowed.pollFirst();
        gateway.closed(socket); // its session keeps the replay buffer; the desktop resumes with lastSeq
    }

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
            queueMonitoring.close();
            if (http != null) http.stop();
            connector.close();
        } finally {
            lookup.close();
            if (store != null) store.flush();
        }
    }

    /** A Jetty WebSocket with asynchronous sends, under a {@link SendQueue}. */
    private record JettySocket(WsContext ctx, Scheduler scheduler) implements SendQueue.Transport {
        /** A close frame stuck behind unread frames must not hold the connection for ever. */
        private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

        @Override public String id() { return ctx.sessionId(); }

        @Override public void send(String text, Runnable written, Consumer<Throwable> failed) {
            if (!ctx.session.isOpen()) {
                failed.accept(new IllegalStateException("socket closed"));
                return;
            }
            ctx.session.sendText(text, Callback.from(written, failed));
        }

        @Override public void close(int code, String reason) {
            ctx.session.close(code, reason, Callback.NOOP);
            scheduler.schedule(CLOSE_TIMEOUT, () -> {
                if (ctx.session.isOpen()) ctx.session.disconnect();
            });
        }
    }
}
