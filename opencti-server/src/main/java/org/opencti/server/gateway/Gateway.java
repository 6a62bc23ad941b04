package org.opencti.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.opencti.connector.spi.Accepted;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.RequestId;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CtiError;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.QueueEvent;
import org.opencti.model.json.CtiJson;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.request.Login;
import org.opencti.model.request.WrapUp;
import org.opencti.server.session.AgentSession;
import org.opencti.server.session.DesktopSocket;
import org.opencti.server.session.Sessions;
import org.opencti.server.session.Tokens;
import org.opencti.server.session.User;
import org.opencti.server.session.Users;

/**
 * The {@code WS /cti/v1} protocol, independent of the HTTP library: requests ({@code op: request}) are checked and
 * sent to the connector, events are numbered per session and sent to every tab (and, through {@link Supervision}, to
 * the agent's supervisors), {@code resume} replays or snapshots (and reopens a session a restart lost, see
 * {@link #resume}), {@code forward} takes canonical events from client-side implementations, {@code ping}/{@code pong}
 * keep sockets alive ({@link Presence}).
 */
public final class Gateway {
    private final CtiConnector connector;
    private final Users users;
    private final Sessions sessions;
    private final Tokens tokens;
    private final Scheduler scheduler;
    private final Recording recording;
    private final BeforeDelivery beforeDelivery;
    private final Consumer<HandledRequest> handledRequests;
    private final Supervision supervision;
    private final Map<String, AgentSession> bound = new ConcurrentHashMap<>();
    private final Presence presence;

    /**
     * @param beforeDelivery  sees every event before its session does (the screen pop holds an Offering back)
     * @param handledRequests hears every control request with its outcome (audit, metrics)
     * @param supervision     supervisors' team feed and queue events
     */
    public Gateway(CtiConnector connector, Users users, Sessions sessions, Tokens tokens, Scheduler scheduler,
                   GatewaySettings settings, Recording recording, BeforeDelivery beforeDelivery,
                   Consumer<HandledRequest> handledRequests, Supervision supervision) {
        this.supervision = supervision;
        this.beforeDelivery = beforeDelivery;
        this.handledRequests = handledRequests;
        this.connector = connector;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.scheduler = scheduler;
        this.recording = recording;
        this.presence = new Presence(connector, scheduler, settings, this::closed, this::end);
    }

    /**
     * Delivers an event from a connector (or a client-side implementation) to its agent's session, records it and
     * shows it to the agent's supervisors. A queue monitor's events (no agent) go to the supervisors.
     */
    public void publish(CtiEvent event) {
        if (event instanceof QueueEvent queue && event.agentId() == null) {
            supervision.queueEvent(queue);
            return;
        }
        if (event.agentId() == null) return;
        beforeDelivery.accept(event, this::deliver);
    }

    private void deliver(CtiEvent event) {
        sessions.of(event.agentId()).ifPresent(session -> {
            CtiEvent delivered = session.deliver(event);
            recording.event(delivered);
            supervision.delivered(delivered);
            if (delivered instanceof AgentStateEvent state && state.name() == AgentState.LoggedOut) end(session);
        });
    }

    public void opened(DesktopSocket socket) {
        presence.opened(socket);
    }

    public void closed(DesktopSocket socket) {
        presence.closed(socket);
        AgentSession session = bound.remove(socket.id());
        if (session != null && session.detach(socket)) presence.startAbsenceTimers(session);
    }

    public void received(DesktopSocket socket, String text) {
        presence.heard(socket);
        JsonNode frame;
        try {
            frame = CtiJson.readTree(text, ErrorCode.OPENCTI_BAD_REQUEST);
        } catch (CtiException e) {
            socket.send(errorFrame(null, e));
            return;
        }
        String op = frame.path("op").asText("");
        // An id that is an object, an array or blank is no id: the error then goes out as op "error", since a
        // blank requestId cannot be written back (it closed the socket before).
        JsonNode idNode = frame.path("id");
        String id = idNode.isValueNode() && !idNode.isNull() && !idNode.asText().isBlank() ? idNode.asText() : null;
        try {
            switch (op) {
                case "request" -> request(socket, id, frame.get("request"));
                case "resume" -> resume(socket, frame);
                case "forward" -> forward(socket, id, frame.get("event"));
                case "refresh" -> refresh(socket, id);
                case "ping" -> socket.send("{\"op\":\"pong\"}");
                case "pong" -> { /* being heard is enough */ }
                default -> throw new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "$.op: unknown op '" + op
                        + "'; expected one of request, resume, forward, refresh, ping, pong", Map.of("path", "$.op"));
            }
        } catch (CtiException e) {
            socket.send(errorFrame(id, e));
        }
    }

    private void request(DesktopSocket socket, String id, JsonNode body) {
        if (id == null || id.isBlank())
            throw new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "$.id: a request needs a non-blank id, e.g. \"r-1\"", Map.of("path", "$.id"));
        if (body == null)
            throw new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "$.request: a request object is required", Map.of("path", "$.request"));
        CtiRequest request = CtiJson.parseRequest(body);
        AgentSession session = bound.get(socket.id());
        if (request instanceof Login login && session == null) {
            long started = System.nanoTime();
            try {
                login(socket, id, login, started);
            } catch (CtiException e) {
                handled(login.agentId(), id, login, e, started);
                throw e;
            }
            return;
        }
        if (session == null)
            throw new CtiException(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN, "Log in (or resume a session) before "
                    + request.action() + ".");
        session.once(id, () -> {
            long started = System.nanoTime();
            return execute(session, id, request).whenComplete((frame, failure) ->
                    handled(session.user().id(), id, request, failure, started));
        }).whenComplete((frame, failure) ->
                socket.send(failure == null ? frame : errorFrame(id, unwrap(failure))));
    }

    private CompletableFuture<String> execute(AgentSession session, String id, CtiRequest request) {
        try {
            if (RequestGuard.check(session, request, sessions) == RequestGuard.Verdict.ACKNOWLEDGE)
                return CompletableFuture.completedFuture(resultFrame(id, null));
            if (request instanceof WrapUp wrapUp) {
                recording.wrapUp(session.user().id(), wrapUp);
                session.desk().wrappedUp(wrapUp.callId());
                return CompletableFuture.completedFuture(resultFrame(id, null));
            }
            if (session.clientSide())
                throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "This session logged in client-side: send "
                        + request.action() + " to the CTI server from the browser, and forward its events.");
            return connector.execute(new RequestId(id), session.user().id(), request).toCompletableFuture()
                    .thenApply(accepted -> resultFrame(id, accepted));
        } catch (CtiException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void login(DesktopSocket socket, String id, Login login, long started) {
        User user = users.authenticate(login.agentId(), login.password());
        String extension = login.extension() != null ? login.extension() : user.extension();
        // A supervisor watches and steers from the platform; without a phone of their own the desk is named after them.
        if (extension == null && user.role() == User.Role.supervisor) extension = "supervisor-" + user.id();
        if (extension == null)
            throw new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "$.extension: agent " + user.id()
                    + " has no default extension; give one in the login request.", Map.of("path", "$.extension"));
        boolean platformOnly = login.options().clientSide() || user.role() == User.Role.supervisor;
        AgentSession session = sessions.open(user, extension, login.options().effectiveMode(), platformOnly);
        CompletableFuture<Accepted> loggedIn = platformOnly
                ? CompletableFuture.completedFuture(Accepted.NOTHING_NEW)
                : connector.execute(new RequestId(id), user.id(), new Login(user.id(), login.password(), extension, login.options()))
                        .toCompletableFuture();
        loggedIn.whenComplete((accepted, failure) -> {
            handled(user.id(), id, login, failure, started);
            if (failure != null) {
                sessions.close(session);
                socket.send(errorFrame(id, unwrap(failure)));
                return;
            }
            Tokens.Issued token = tokens.issue(session);
            bound.put(socket.id(), session);
            String result = resultFrame(id, CtiJson.mapper().createObjectNode().put("token", token.token())
                    .put("expiresAt", token.expiresAt().toString()));
            // Events published while logging in are replayed from seq 1; the snapshot then states the whole desk,
            // and the result comes last so a client that acts on it already knows its desk.
            session.attach(socket, 0L, scheduler.now());
            if (platformOnly) {
                session.attach(socket, null, scheduler.now());
                socket.send(result);
            } else {
                connector.snapshot(user.id()).whenComplete((snapshot, error) -> {
                    if (snapshot != null) publish(snapshot);
                    else session.attach(socket, null, scheduler.now());
                    socket.send(result);
                });
            }
        });
    }

    private void resume(DesktopSocket socket, JsonNode frame) {
        Tokens.Claims claims = tokens.verify(frame.path("token").asText(null));
        Long lastSeq = frame.hasNonNull("lastSeq") ? frame.get("lastSeq").asLong() : null;
        AgentSession session = sessions.of(claims.agentId()).filter(s -> s.id().equals(claims.sessionId())).orElse(null);
        if (session == null) {
            restore(socket, claims, lastSeq);
            return;
        }
        bind(socket, session);
        session.attach(socket, lastSeq, scheduler.now());
    }

    private void bind(DesktopSocket socket, AgentSession session) {
        AgentSession previous = bound.put(socket.id(), session);
        if (previous != null && previous != session) previous.detach(socket);
    }

    /**
     * A valid token whose session this server does not have: it was issued before a restart (the signing key lives in
     * the data folder). The session opens again under its old id; a connector-backed one needs the connector to know
     * the agent's desk (its snapshot), else the desktop must log in again.
     */
    private void restore(DesktopSocket socket, Tokens.Claims claims, Long lastSeq) {
        User user = users.find(claims.agentId()).orElse(null);
        if (claims.device() == null || user == null || sessions.of(claims.agentId()).isPresent())
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "The session of agent " + claims.agentId()
                    + " has ended; log in again.", Map.of("reason", "ended"));
        AgentSession session = sessions.restore(claims.sessionId(), user, claims.device(), claims.mode(), claims.platformOnly());
        if (claims.platformOnly()) {
            bind(socket, session);
            session.attach(socket, lastSeq, scheduler.now());
            return;
        }
        connector.snapshot(user.id()).whenComplete((snapshot, failure) -> {
            if (failure != null) {
                sessions.close(session);
                socket.send(errorFrame(null, new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "The server restarted and the"
                        + " CTI connector does not know agent " + user.id() + "'s desk at " + claims.device() + " ("
                        + unwrap(failure).getMessage() + "); log in again.", Map.of("reason", "restarted"))));
                return;
            }
            bind(socket, session);
            if (lastSeq != null) session.continueAfter(lastSeq);
            session.attach(socket, session.lastSeq(), scheduler.now()); // nothing to replay: the snapshot follows
            publish(snapshot);
        });
    }

    private void forward(DesktopSocket socket, String id, JsonNode body) {
        AgentSession session = bound.get(socket.id());
        if (session == null || !session.clientSide())
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "Only a client-side session (login with "
                    + "options.clientSide) may forward events.");
        if (body == null)
            throw new CtiException(ErrorCode.OPENCTI_INVALID_EVENT, "$.event: an event object is required", Map.of("path", "$.event"));
        CtiEvent event = CtiJson.parseEvent(body);
        if (!session.user().id().equals(event.agentId()))
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "A session may forward events of its own agent "
                    + session.user().id() + " only, got agentId " + event.agentId() + ".", Map.of("agentId", String.valueOf(event.agentId())));
        publish(event.seq() == null ? event : stripSeq(event));
        if (id != null) socket.send(resultFrame(id, null));
    }

    private void refresh(DesktopSocket socket, String id) {
        AgentSession session = bound.get(socket.id());
        if (session == null) throw new CtiException(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN, "Log in before refreshing a token.");
        Tokens.Issued token = tokens.issue(session);
        socket.send(resultFrame(id, CtiJson.mapper().createObjectNode().put("token", token.token())
                .put("expiresAt", token.expiresAt().toString())));
    }

    private void handled(AgentId actor, String id, CtiRequest request, Throwable failure, long startedNanos) {
        handledRequests.accept(new HandledRequest(actor, actor, id, request, failure == null ? null : unwrap(failure).code(),
                Duration.ofNanos(System.nanoTime() - startedNanos)));
    }

    private void end(AgentSession session) {
        sessions.close(session);
        bound.values().removeIf(s -> s == session);
    }

    static String resultFrame(String id, Object value) {
        ObjectNode frame = CtiJson.mapper().createObjectNode().put("op", "result").put("id", id).put("ok", true);
        ObjectNode v = frame.putObject("value");
        if (value instanceof Accepted accepted && accepted.callId() != null) v.put("callId", accepted.callId().value());
        if (value instanceof ObjectNode node) v.setAll(node);
        return frame.toString();
    }

    static String errorFrame(String id, CtiException e) {
        CtiError error = e.toError(id);
        ObjectNode frame = CtiJson.mapper().createObjectNode().put("op", id == null ? "error" : "result");
        if (id != null) frame.put("id", id).put("ok", false);
        ObjectNode body = frame.putObject("error").put("code", error.code().name()).put("message", error.message());
        ObjectNode details = body.putObject("details");
        error.details().forEach(details::put);
        if (id != null) body.put("requestId", id);
        return frame.toString();
    }

    /** The failure inside a future's {@link CompletionException}, as an exception to report. */
    public static Exception unwrapped(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof Exception e ? e : new IllegalStateException(cause);
    }

    static CtiException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof CtiException cti ? cti
                : new CtiException(ErrorCode.OPENCTI_CF_GENERIC_OPERATION, "The request failed: " + cause, Map.of(), cause);
    }

    private static CtiEvent stripSeq(CtiEvent event) {
        var h = event.header();
        return event.withHeader(new org.opencti.model.event.EventHeader(null, h.at(), h.agentId(), h.device()));
    }

    /**
     * Sees every event before its session does. It may hold an event back (the screen pop waits for a customer), but
     * hands each one to {@code deliver} exactly once, in the order they came for each agent.
     */
    public interface BeforeDelivery {
        BeforeDelivery NONE = (event, deliver) -> deliver.accept(event);

        void accept(CtiEvent event, Consumer<CtiEvent> deliver);
    }

    /** A control request and its outcome ({@code result} null: accepted), for the audit trail and metrics. */
    public record HandledRequest(AgentId actor, AgentId target, String requestId, CtiRequest request, ErrorCode result,
                                 Duration took) {}
}
