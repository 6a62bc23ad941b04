package org.opencti.lab.acd;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencti.lab.clock.EventLoop;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.config.QueueConfig;
import org.opencti.lab.config.ReasonCode;
import org.opencti.lab.pbx.CstaError;
import org.opencti.lab.pbx.CstaException;
import org.opencti.lab.pbx.Pbx;

/**
 * Agents and queues. Agent state follows the device: an agent is Busy while its device has any connection;
 * after an ACD call comes the queue's after-call work, then the pending state or Ready. The ACD offers the
 * longest-waiting call to the longest-idle agent who is Ready, idle on the device and skilled for the queue;
 * an offer not answered within the queue's ring-no-answer time is taken back (agent NotReady, reason RONA)
 * and the call requeued at the head. {@link #afterEachTask()} runs after every loop task.
 */
public final class Acd {

    public static final String LOGIN_REASON = "login";
    public static final String RONA_REASON = "RONA";

    private final EventLoop loop;
    private final LabConfig config;
    private final Pbx pbx;
    private final AgentEventSink sink;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final Map<String, Agent> agentsByDevice = new HashMap<>();
    /** Devices to reconcile although the switch did not touch them (an agent logged on there). */
    private final java.util.Set<String> recheck = new java.util.LinkedHashSet<>();
    /** Ready agents, longest idle first; some may just have been offered a call (the device tells). */
    private final TreeSet<Agent> readyAgents = new TreeSet<>(
            Comparator.comparing((Agent a) -> a.readySince).thenComparingInt(a -> a.ordinal));

    public Acd(EventLoop loop, LabConfig config, Pbx pbx, AgentEventSink sink) {
        this.loop = loop;
        this.config = config;
        this.pbx = pbx;
        this.sink = sink;
        config.agents().forEach(a -> agents.put(a.id(), new Agent(a, agents.size(), loop.now())));
    }

    /** SetAgentState; returns the pending state when the request will apply only after the current call. */
    public Optional<PendingState> setAgentState(String device, RequestedAgentState requested, Optional<String> agentId,
                                                Optional<String> hexPassword, Optional<String> reasonCode) {
        return setAgentState(device, requested, agentId, hexPassword, reasonCode, Optional.empty());
    }

    /**
     * SetAgentState with a work mode ({@link WorkMode}; only with ready and notReady). Validates everything before
     * changing anything; returns the pending state when the request applies only after the current call.
     */
    public Optional<PendingState> setAgentState(String device, RequestedAgentState requested, Optional<String> agentId,
                                                Optional<String> hexPassword, Optional<String> reasonCode,
                                                Optional<WorkMode> workMode) {
        reasonCode.ifPresent(this::requireReason);
        if (workMode.isPresent() && requested != RequestedAgentState.READY && requested != RequestedAgentState.NOT_READY)
            throw new CstaException(CstaError.VALUE_OUT_OF_RANGE, "workMode " + workMode.get().wireName() + " with requestedAgentState "
                    + requested.wireName() + "; a work mode goes with ready or notReady only");
        if (requested == RequestedAgentState.LOGGED_ON) {
            logOn(device, agentId, hexPassword);
            return Optional.empty();
        }
        Agent agent = agentAt(device).filter(a -> agentId.map(a.id()::equals).orElse(true))
                .orElseThrow(() -> new CstaException(CstaError.INVALID_OBJECT_STATE, "No agent"
                        + agentId.map(id -> " " + id).orElse("") + " is logged on at device " + device
                        + "; log on first (requestedAgentState loggedOn)"));
        boolean busy = agent.state == AgentState.BUSY;
        if (workMode.isPresent() && !workMode.equals(agent.workMode)) {
            agent.workMode = workMode;
            if (requested == RequestedAgentState.READY && agent.state == AgentState.READY && !busy)
                sink.publish(new AgentEvent.Ready(device, agent.id(), agent.workMode));
            if (requested == RequestedAgentState.NOT_READY && agent.state == AgentState.NOT_READY && !busy
                    && agent.reasonCode.equals(reasonCode))
                sink.publish(new AgentEvent.NotReady(device, agent.id(), agent.reasonCode, agent.workMode));
        }
        switch (requested) {
            case LOGGED_ON -> throw new IllegalStateException("handled above");
            case READY -> {
                if (busy)
                    return pend(agent, new PendingState(AgentState.READY, Optional.empty()));
                if (agent.state != AgentState.READY)
                    ready(agent);
            }
            case NOT_READY -> {
                if (busy)
                    return pend(agent, new PendingState(AgentState.NOT_READY, reasonCode));
                if (agent.state != AgentState.NOT_READY || !agent.reasonCode.equals(reasonCode))
                    notReady(agent, reasonCode);
            }
            case WORKING_AFTER_CALL -> {
                if (busy)
                    throw new CstaException(CstaError.INVALID_OBJECT_STATE, "Agent " + agent.id()
                            + " is agentBusy; workingAfterCall starts by itself after an ACD call");
                if (agent.state != AgentState.WORKING_AFTER_CALL) {
                    cancelWrap(agent);
                    change(agent, AgentState.WORKING_AFTER_CALL, Optional.empty());
                    sink.publish(new AgentEvent.WorkingAfterCall(device, agent.id(), Optional.empty(), Optional.empty()));
                }
            }
            case LOGGED_OFF -> {
                if (busy)
                    return pend(agent, new PendingState(AgentState.LOGGED_OUT, reasonCode));
                logOff(agent, reasonCode);
            }
        }
        return Optional.empty();
    }

    /** The agent logged on at {@code device}, if any. */
    public Optional<AgentSnapshot> agentOn(String device) {
        return agentAt(device).map(Agent::snapshot);
    }

    public Optional<AgentSnapshot> agent(String agentId) {
        return Optional.ofNullable(agents.get(agentId)).map(Agent::snapshot);
    }

    public List<AgentSnapshot> agents() {
        return agents.values().stream().map(Agent::snapshot).toList();
    }

    public List<QueueSnapshot> queues() {
        return config.queues().stream().map(q -> new QueueSnapshot(q.id(), q.device(), pbx.waitingCalls(q.device()),
                pbx.queueStatistics(q.device()))).toList();
    }

    /** Brings agent states in line with their devices, offers waiting calls, and again for the offers made. */
    public void afterEachTask() {
        reconcile();
        if (distribute())
            reconcile();
    }

    /**
     * Problems found checking every agent against the switch: a logged-on agent is Busy exactly when its device has
     * a connection. Empty when consistent; the soak checks it.
     */
    public List<String> inconsistencies() {
        List<String> problems = new java.util.ArrayList<>();
        for (Agent agent : agents.values()) {
            boolean onCall = agent.device.map(pbx::hasConnections).orElse(false);
            boolean busy = agent.state == AgentState.BUSY;
            if (agent.device.isPresent() && onCall != busy)
                problems.add("agent " + agent.id() + " is " + agent.state.wireName() + " but its device " + agent.device.get()
                        + (onCall ? " is on a call" : " has no call"));
            if (agent.device.isEmpty() && agent.state != AgentState.LOGGED_OUT)
                problems.add("agent " + agent.id() + " is " + agent.state.wireName() + " without a device");
            if ((agent.state == AgentState.READY) != readyAgents.contains(agent))
                problems.add("agent " + agent.id() + " is " + agent.state.wireName() + " but the ready list says otherwise");
        }
        return problems;
    }

    // ---- logon and state changes ----------------------------------------------------------------------------

    private void logOn(String device, Optional<String> agentId, Optional<String> hexPassword) {
        if (!pbx.directory().isExtension(device))
            throw new CstaException(CstaError.INVALID_DEVICE_ID, "Cannot log on at '" + device + "'; expected an extension");
        String id = agentId.orElseThrow(() -> new CstaException(CstaError.INVALID_AGENT_ID,
                "Missing agentID in SetAgentState loggedOn; expected one of the configured agents"));
        Agent agent = Optional.ofNullable(agents.get(id)).orElseThrow(() -> new CstaException(CstaError.INVALID_AGENT_ID,
                "Unknown agent '" + id + "' in agentID; expected a configured agent such as " + agents.keySet().iterator().next()));
        String password = hexPassword.map(hex -> decodePassword(hex, id)).orElse("");
        if (!password.equals(agent.config.password()))
            throw new CstaException(CstaError.INVALID_AGENT_PASSWORD, "Wrong password for agent " + id
                    + "; expected the agent's password as hexBinary of its UTF-8 bytes (demo = 64656D6F)");
        if (agent.device.filter(device::equals).isPresent())
            return;
        if (agent.device.isPresent())
            throw new CstaException(CstaError.INVALID_OBJECT_STATE, "Agent " + id + " is already logged on at "
                    + agent.device.get() + "; log off there first");
        agentAt(device).ifPresent(other -> {
            throw new CstaException(CstaError.INVALID_OBJECT_STATE, "Device " + device + " is in use by agent "
                    + other.id() + "; expected a device with no agent");
        });
        agent.device = Optional.of(device);
        agentsByDevice.put(device, agent);
        recheck.add(device);
        agent.pending = Optional.empty();
        change(agent, AgentState.NOT_READY, Optional.of(LOGIN_REASON));
        sink.publish(new AgentEvent.LoggedOn(device, id));
        sink.publish(new AgentEvent.NotReady(device, id, agent.reasonCode));
    }

    private static String decodePassword(String hex, String agentId) {
        try {
            return new String(HexFormat.of().parseHex(hex.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CstaException(CstaError.INVALID_AGENT_PASSWORD, "Password of agent " + agentId
                    + " is not hexBinary ('" + hex + "'); expected hex digits of the UTF-8 bytes, e.g. 64656D6F for demo");
        }
    }

    private Optional<PendingState> pend(Agent agent, PendingState pending) {
        agent.pending = Optional.of(pending);
        return agent.pending;
    }

    private void ready(Agent agent) {
        cancelWrap(agent);
        change(agent, AgentState.READY, Optional.empty());
        sink.publish(new AgentEvent.Ready(agent.device.orElseThrow(), agent.id(), agent.workMode));
    }

    private void notReady(Agent agent, Optional<String> reason) {
        cancelWrap(agent);
        change(agent, AgentState.NOT_READY, reason);
        sink.publish(new AgentEvent.NotReady(agent.device.orElseThrow(), agent.id(), reason, agent.workMode));
    }

    private void logOff(Agent agent, Optional<String> reason) {
        cancelWrap(agent);
        String device = agent.device.orElseThrow();
        agent.device = Optional.empty();
        agentsByDevice.remove(device);
        agent.pending = Optional.empty();
        change(agent, AgentState.LOGGED_OUT, Optional.empty());
        sink.publish(new AgentEvent.LoggedOff(device, agent.id(), reason));
    }

    private void change(Agent agent, AgentState state, Optional<String> reason) {
        readyAgents.remove(agent);
        agent.state = state;
        agent.reasonCode = reason;
        agent.since = loop.now();
        if (state == AgentState.READY) {
            agent.readySince = loop.now();
            readyAgents.add(agent);
        }
    }

    private void cancelWrap(Agent agent) {
        agent.wrapTimer.ifPresent(org.opencti.lab.clock.Timer::cancel);
        agent.wrapTimer = Optional.empty();
    }

    // ---- following the device -------------------------------------------------------------------------------

    // Only agents whose device changed since the last look can be out of line.
    private void reconcile() {
        recheck.addAll(pbx.drainTouchedDevices());
        List<String> devices = List.copyOf(recheck);
        recheck.clear();
        for (String device : devices) {
            Agent agent = agentsByDevice.get(device);
            if (agent == null)
                continue;
            boolean active = pbx.hasConnections(device);
            if (active && agent.state != AgentState.BUSY)
                enterBusy(agent, device);
            else if (!active && agent.state == AgentState.BUSY)
                leaveBusy(agent);
            else if (active)
                acdCallAt(device).ifPresent(queue -> agent.wrapQueue = Optional.of(queue));
        }
    }

    private void enterBusy(Agent agent, String device) {
        cancelWrap(agent);
        agent.stateBeforeBusy = agent.state == AgentState.NOT_READY ? AgentState.NOT_READY : AgentState.READY;
        agent.reasonBeforeBusy = agent.reasonCode;
        agent.wrapQueue = acdCallAt(device);
        change(agent, AgentState.BUSY, Optional.empty());
        Optional<String> group = pbx.anyQueueAt(device);
        sink.publish(new AgentEvent.Busy(device, agent.id(), group, agent.pending));
    }

    /** The queue of a call the device is talking on (or holding) that came through the ACD. */
    private Optional<String> acdCallAt(String device) {
        return pbx.acdQueueAt(device);
    }

    private void leaveBusy(Agent agent) {
        if (agent.ringNoAnswer) {
            agent.ringNoAnswer = false;
            boolean loggingOff = agent.pending.filter(p -> p.state() == AgentState.LOGGED_OUT).isPresent();
            Optional<String> reason = agent.pending.flatMap(PendingState::reasonCode);
            agent.pending = Optional.empty();
            if (loggingOff)
                logOff(agent, reason);
            else
                notReady(agent, Optional.of(RONA_REASON));
            return;
        }
        Optional<QueueConfig> wrap = agent.wrapQueue.flatMap(pbx.directory()::queueAt).filter(q -> q.wrapSeconds() > 0)
                .filter(q -> agent.workMode.orElse(WorkMode.MANUAL_IN) == WorkMode.MANUAL_IN);
        if (wrap.isEmpty()) {
            finishWork(agent);
            return;
        }
        change(agent, AgentState.WORKING_AFTER_CALL, Optional.empty());
        sink.publish(new AgentEvent.WorkingAfterCall(agent.device.orElseThrow(), agent.id(),
                Optional.of(wrap.get().device()), agent.pending));
        agent.wrapTimer = Optional.of(loop.schedule(Duration.ofSeconds(wrap.get().wrapSeconds()), () -> {
            if (agent.state == AgentState.WORKING_AFTER_CALL)
                finishWork(agent);
        }));
    }

    private void finishWork(Agent agent) {
        agent.wrapTimer = Optional.empty();
        agent.wrapQueue = Optional.empty();
        Optional<PendingState> pending = agent.pending;
        agent.pending = Optional.empty();
        AgentState next = pending.map(PendingState::state).orElse(agent.stateBeforeBusy);
        Optional<String> reason = pending.isPresent() ? pending.get().reasonCode() : agent.reasonBeforeBusy;
        switch (next) {
            case LOGGED_OUT -> logOff(agent, reason);
            case NOT_READY -> notReady(agent, reason);
            case READY, BUSY, WORKING_AFTER_CALL -> ready(agent);
        }
    }

    // ---- distribution ---------------------------------------------------------------------------------------

    /** Offers waiting calls while some agent can take one; true when an offer was made. */
    private boolean distribute() {
        boolean offered = false;
        boolean progress = true;
        while (progress && !readyAgents.isEmpty()) {
            progress = false;
            List<Head> heads = config.queues().stream()
                    .flatMap(q -> pbx.nextWaitingCall(q.device()).stream().map(id -> new Head(q, id)))
                    .sorted(Comparator.comparingLong(h -> pbx.queueOrder(h.callId()))).toList();
            for (Head head : heads) {
                Optional<Agent> agent = longestIdle(head.queue());
                if (agent.isPresent()) {
                    offer(head, agent.get());
                    offered = progress = true;
                    break;
                }
            }
        }
        return offered;
    }

    private Optional<Agent> longestIdle(QueueConfig queue) {
        for (Agent agent : readyAgents)
            if (agent.device.isPresent() && !pbx.hasConnections(agent.device.get()) && agent.config.skills().contains(queue.skill()))
                return Optional.of(agent);
        return Optional.empty();
    }

    private void offer(Head head, Agent agent) {
        String device = agent.device.orElseThrow();
        pbx.distribute(head.callId(), device);
        String callId = head.callId();
        loop.schedule(Duration.ofSeconds(head.queue().ringNoAnswerSeconds()), () -> {
            if (pbx.isOfferedTo(callId, device)) {
                agent.ringNoAnswer = true;
                pbx.ringNoAnswer(callId, device);
            }
        });
    }

    private Optional<Agent> agentAt(String device) {
        return Optional.ofNullable(agentsByDevice.get(device));
    }

    private void requireReason(String reason) {
        if (config.reasonCodes().stream().noneMatch(r -> r.id().equals(reason)))
            throw new CstaException(CstaError.VALUE_OUT_OF_RANGE, "Unknown reason code '" + reason + "'; expected one of "
                    + String.join(", ", config.reasonCodes().stream().map(ReasonCode::id).toList()));
    }

    private record Head(QueueConfig queue, String callId) {
    }
}
