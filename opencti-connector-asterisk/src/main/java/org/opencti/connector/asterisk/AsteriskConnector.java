package org.opencti.connector.asterisk;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.opencti.connector.asterisk.ami.AmiLink;
import org.opencti.connector.asterisk.ami.BlindTransferAction;
import org.opencti.connector.asterisk.mapping.Correlator;
import org.opencti.connector.asterisk.mapping.Desk;
import org.opencti.connector.spi.Accepted;
import org.opencti.connector.spi.ConnectorContext;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.RequestId;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.LinkState;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.model.event.LinkStateEvent;
import org.opencti.model.event.SnapshotEvent;
import org.opencti.model.request.*;
import org.opencti.model.state.Action;

/**
 * An Asterisk AMI connector: asterisk-java's manager layer on the wire ({@link AmiLink}), our {@link Correlator} for
 * the mapping to canonical events. Agents are queue members: login is {@code QueueAdd} (paused, reason
 * {@code login}) in every configured queue, ready / not ready is {@code QueuePause}, logout {@code QueueRemove}.
 *
 * <p>What AMI cannot do is not declared in {@link #capabilities()}: answering (a SIP phone answers itself), hold and
 * retrieve (phone-signalled {@code Hold}/{@code Unhold} events are still mapped), consult and conference legs, and
 * call data that Asterisk would carry. The panel hides those buttons and the TCK skips those tests.
 *
 * <p>Threading: events are mapped on asterisk-java's reader thread in wire order and published from there;
 * {@link #execute} checks a request under the correlator's lock and returns at once.
 */
public final class AsteriskConnector implements CtiConnector, AmiLink.Listener, Correlator.Effects {
    /** What this connector can do through AMI. */
    public static final Set<Action> CAPABILITIES = Set.copyOf(EnumSet.of(Action.LOGIN, Action.LOGOUT, Action.AGENT_READY,
            Action.AGENT_NOT_READY, Action.MAKE_CALL, Action.HANG_UP_CALL, Action.BLIND_TRANSFER, Action.TRANSFER_INITIATE,
            Action.SEND_DTMF, Action.WRAP_UP));
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(10);

    private final AsteriskSettings settings;
    private final Correlator correlator;
    private volatile ConnectorContext context;
    private volatile AmiLink link;

    AsteriskConnector(AsteriskSettings settings) {
        this.settings = settings;
        this.correlator = new Correlator(settings, this);
    }

    @Override public void start(ConnectorContext ctx) {
        if (link != null) throw new IllegalStateException("AsteriskConnector to " + settings.host() + ":" + settings.port() + " is already started");
        context = ctx;
        link = new AmiLink(settings, ctx.scheduler(), this);
        link.start();
    }

    @Override public LinkState linkState() { return link == null ? LinkState.Disconnected : link.state(); }

    @Override public Set<Action> capabilities() { return CAPABILITIES; }

    @Override public CompletionStage<Accepted> execute(RequestId requestId, AgentId agentId, CtiRequest request) {
        try {
            if (!CAPABILITIES.contains(request.action()))
                throw new CtiException(ErrorCode.OPENCTI_CF_GENERIC_OPERATION, request.action() + " is not possible through Asterisk AMI; "
                        + "this connector declares " + CAPABILITIES + ".", Map.of("action", request.action().wireName()));
            if (linkState() != LinkState.Connected)
                throw new CtiException(ErrorCode.OPENCTI_LINK_DOWN, "The AMI link to " + settings.host() + ":" + settings.port()
                        + " is " + linkState() + "; " + request.action() + " was not sent. Retry when it is Connected.");
            if (request instanceof Login login) return login(agentId, login);
            Desk desk = correlator.desk(agentId);
            if (desk == null)
                throw new CtiException(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN, "Agent " + agentId + " is not logged in through this connector; "
                        + request.action() + " needs a login first.", Map.of("agentId", agentId.value()));
            return plan(desk, request);
        } catch (CtiException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Checks the request against the desk (under the correlator's lock), then sends its action. */
    private CompletionStage<Accepted> plan(Desk desk, CtiRequest request) {
        synchronized (correlator) {
            return switch (request) {
                case Login l -> throw new IllegalStateException("login is handled before a desk exists");
                case Logout l -> all(desk.queues().stream().map(q -> (ManagerAction) new QueueRemoveAction(q, desk.memberInterface())).toList());
                case AgentReady r -> agentState(desk, AgentState.Ready, null);
                case AgentNotReady n -> agentState(desk, AgentState.NotReady, n.reasonCode());
                case MakeCall m -> makeCall(desk, m);
                case HangUpCall h -> {
                    String channel = desk.channelOf(h.callId(), Action.HANG_UP_CALL);
                    desk.hangUpRequested(h.callId());
                    yield sent(new HangupAction(channel));
                }
                case BlindTransfer b -> blindTransfer(desk, b);
                case TransferInitiate t -> sent(new AtxferAction(desk.channelOf(t.callId(), Action.TRANSFER_INITIATE),
                        settings.context(), t.destination(), 1));
                case SendDTMF d -> {
                    String channel = desk.channelOf(d.callId(), Action.SEND_DTMF);
                    yield all(d.digits().chars().mapToObj(c -> (ManagerAction) new PlayDtmfAction(channel, String.valueOf((char) c))).toList());
                }
                case WrapUp w -> {
                    desk.wrapUp(w.callId());
                    yield CompletableFuture.completedFuture(Accepted.NOTHING_NEW);
                }
                case AnswerCall a -> unsupported(a);
                case HoldCall h -> unsupported(h);
                case RetrieveCall r -> unsupported(r);
                case AlternateCall a -> unsupported(a);
                case ConsultationCall c -> unsupported(c);
                case TransferComplete t -> unsupported(t);
                case ConferenceInitiate c -> unsupported(c);
                case ConferenceComplete c -> unsupported(c);
                case DropParty d -> unsupported(d);
                case CancelConsult c -> unsupported(c);
                case SetCallData s -> unsupported(s);
            };
        }
    }

    private static CompletionStage<Accepted> unsupported(CtiRequest request) {
        throw new CtiException(ErrorCode.OPENCTI_CF_GENERIC_OPERATION, request.action() + " is not possible through Asterisk AMI.");
    }

    private CompletionStage<Accepted> agentState(Desk desk, AgentState next, String reason) {
        if (desk.state() == next && (next != AgentState.NotReady || reason.equals(desk.reasonCode())))
            return CompletableFuture.completedFuture(Accepted.NOTHING_NEW); // already there: acknowledged, no event
        QueuePauseAction pause = new QueuePauseAction(desk.memberInterface(), next == AgentState.NotReady);
        if (reason != null) pause.setReason(reason);
        if (desk.onCall() || desk.state() == AgentState.AfterCallWork) {
            List<CtiEvent> events = correlator.pending(desk, next, reason, now());
            return sent(pause).thenApply(ok -> {
                events.forEach(context::publish);
                return ok;
            });
        }
        return sent(pause);
    }

    private CompletionStage<Accepted> makeCall(Desk desk, MakeCall request) {
        String uniqueId = "opencti-" + UUID.randomUUID();
        OriginateAction originate = new OriginateAction();
        originate.setChannel(desk.memberInterface());
        originate.setContext(settings.context());
        originate.setExten(request.destination());
        originate.setPriority(1);
        originate.setCallerId(desk.device());
        originate.setTimeout(settings.originateTimeout().toMillis());
        originate.setAsync(true);
        originate.setChannelId(uniqueId);
        if (!request.callData().isEmpty()) {
            Map<String, String> variables = new HashMap<>();
            request.callData().forEach((k, v) -> variables.put(Correlator.CALL_DATA_PREFIX + k, v));
            originate.setVariables(variables);
        }
        correlator.originating(uniqueId, request.destination(), request.callData());
        return link.send(originate).handle((ok, failure) -> {
            if (failure == null) return Accepted.newCall(new CallId(uniqueId));
            Throwable cause = unwrap(failure);
            // manager.c refuses an Originate to an extension the dialplan does not have with this message.
            if (cause instanceof CtiException refused && refused.getMessage().contains("Extension does not exist"))
                throw new CtiException(ErrorCode.OPENCTI_CF_INVALID_DESTINATION, "Cannot call '" + request.destination()
                        + "': Asterisk has no such extension in context " + settings.context() + ".",
                        Map.of("destination", request.destination(), "context", settings.context()), cause);
            throw cause instanceof CtiException cti ? cti : new CompletionException(cause);
        });
    }

    private CompletionStage<Accepted> blindTransfer(Desk desk, BlindTransfer request) {
        String channel = desk.channelOf(request.callId(), Action.BLIND_TRANSFER);
        // A ringing call has no bridge to transfer from: redirect the caller instead (a deflect).
        if (desk.stateOf(request.callId()) == ConnectionState.Offering)
            return sent(new RedirectAction(desk.farChannelOf(request.callId()), settings.context(), request.destination(), 1));
        return sent(new BlindTransferAction(channel, settings.context(), request.destination()));
    }

    private CompletionStage<Accepted> sent(ManagerAction action) {
        return link.send(action).thenApply(ok -> Accepted.NOTHING_NEW);
    }

    private CompletionStage<Accepted> all(List<ManagerAction> actions) {
        CompletableFuture<?>[] sent = actions.stream().map(link::send).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sent).thenApply(ok -> Accepted.NOTHING_NEW);
    }

    private CompletionStage<Accepted> login(AgentId agentId, Login login) {
        if (correlator.desk(agentId) != null)
            throw new CtiException(ErrorCode.OPENCTI_AGENT_LOGGED_IN, "Agent " + agentId + " is already logged in at extension "
                    + correlator.desk(agentId).device() + "; log out first.", Map.of("agentId", agentId.value()));
        String extension = login.extension();
        if (extension == null)
            throw new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "login of agent " + agentId + " names no extension; the platform must pass the agent's default extension");
        if (settings.queues().isEmpty())
            throw new CtiException(ErrorCode.OPENCTI_CF_GENERIC_OPERATION, "No queues are configured for connector " + AsteriskConnectorProvider.TYPE
                    + " (property queues, e.g. 8001=sales), so agent " + agentId + " has no queue to join.");
        Desk desk;
        synchronized (correlator) {
            Desk other = correlator.deskAt(extension);
            if (other != null)
                throw new CtiException(ErrorCode.OPENCTI_AGENT_LOGGED_IN, "Extension " + extension + " is in use by agent " + other.agentId()
                        + "; log out there first.", Map.of("device", extension));
            desk = new Desk(agentId, extension, settings.interfaceOf(extension), now());
            correlator.add(desk);
        }
        List<ManagerAction> adds = settings.queues().values().stream().map(queue -> {
            QueueAddAction add = new QueueAddAction(queue, desk.memberInterface());
            add.setMemberName(agentId.value());
            add.setPaused(true);
            add.setReason("login");
            return (ManagerAction) add;
        }).toList();
        return all(adds).whenComplete((ok, failure) -> {
            if (failure != null) {
                correlator.remove(desk);
                return;
            }
            correlator.loggedIn(desk, settings.queues().values(), now()).forEach(context::publish);
        });
    }

    @Override public CompletionStage<SnapshotEvent> snapshot(AgentId agentId) {
        Desk desk = correlator.desk(agentId);
        if (desk == null) return CompletableFuture.failedFuture(new CtiException(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN,
                "Agent " + agentId + " is not logged in through this connector; no snapshot to give."));
        synchronized (correlator) {
            return CompletableFuture.completedFuture(desk.snapshot(now(), linkState()));
        }
    }

    @Override public CompletionStage<Accepted> monitorQueue(String queueDn) {
        String queue = settings.queues().get(queueDn);
        if (queue == null)
            return CompletableFuture.failedFuture(new CtiException(ErrorCode.OPENCTI_CF_INVALID_DESTINATION, "Queue DNIS '" + queueDn
                    + "' is not configured; known: " + settings.queues().keySet() + " (property queues)."));
        correlator.monitorQueue(queue);
        return CompletableFuture.completedFuture(Accepted.NOTHING_NEW);
    }

    // ---- from the link ----

    @Override public void onEvent(ManagerEvent event) {
        correlator.apply(event, now()).forEach(context::publish);
    }

    @Override public void onLinkDown(String why) {
        for (Desk desk : correlator.desks())
            context.publish(new LinkStateEvent(EventHeader.of(now(), desk.agentId(), desk.device()), LinkState.Disconnected));
    }

    @Override public void onLinkUp(boolean reconnected) {
        if (!reconnected) return;
        try {
            rebuild();
        } catch (Exception e) {
            // The link dropped again mid-rebuild: the next link-up rebuilds from scratch.
        }
    }

    /** After a reconnect: what Asterisk has now ({@code CoreShowChannels}, {@code QueueStatus}) replaces what we believed. */
    @SuppressWarnings("deprecation") // QueueMember names the member Location before Asterisk 12 and Interface after
    private void rebuild() throws Exception {
        ResponseEvents channels = link.list(new CoreShowChannelsAction(), LIST_TIMEOUT);
        Set<String> live = new HashSet<>();
        for (var event : channels.getEvents())
            if (event instanceof CoreShowChannelEvent channel) live.add(channel.getUniqueid());
        ResponseEvents members = link.list(new QueueStatusAction(), LIST_TIMEOUT);
        for (Desk desk : correlator.desks()) {
            Set<String> queues = new HashSet<>();
            Boolean paused = null;
            String reason = null;
            for (var event : members.getEvents()) {
                if (event instanceof QueueMemberEvent member && desk.memberInterface().equalsIgnoreCase(member.getInterface() != null
                        ? member.getInterface() : member.getLocation())) {
                    queues.add(member.getQueue());
                    paused = member.getPaused();
                    reason = member.getPausedreason();
                }
            }
            Instant at = now();
            List<CtiEvent> closed = correlator.reconcileCalls(desk, live, at);
            List<CtiEvent> member = correlator.reconcileMember(desk, queues, paused, reason, at);
            context.publish(new LinkStateEvent(EventHeader.of(at, desk.agentId(), desk.device()), LinkState.Connected));
            closed.forEach(context::publish);
            member.forEach(context::publish);
            synchronized (correlator) {
                context.publish(desk.snapshot(at, LinkState.Connected));
            }
        }
    }

    // ---- effects asked by the correlator ----

    @Override public void ringNoAnswer(Desk desk) {
        if (settings.ringNoAnswer() != AsteriskSettings.RingNoAnswer.PAUSE) return;
        QueuePauseAction pause = new QueuePauseAction(desk.memberInterface(), true);
        pause.setReason("RONA");
        link.send(pause);
    }

    @Override public void wrapUp(Desk desk, int seconds) {
        context.scheduler().schedule(Duration.ofSeconds(seconds), () -> correlator.settle(desk, now()).forEach(context::publish));
    }

    private Instant now() { return context.scheduler().now(); }

    @Override public void close() {
        AmiLink open = link;
        if (open != null) open.close();
    }

    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
