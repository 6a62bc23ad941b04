package org.opencti.lab.callers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.opencti.lab.acd.Acd;
import org.opencti.lab.acd.AgentEvent;
import org.opencti.lab.acd.AgentEventSink;
import org.opencti.lab.acd.AgentState;
import org.opencti.lab.acd.RequestedAgentState;
import org.opencti.lab.clock.EventLoop;
import org.opencti.lab.config.AgentConfig;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.config.QueueTraffic;
import org.opencti.lab.config.TimeDistribution;
import org.opencti.lab.pbx.CallEvent;
import org.opencti.lab.pbx.CallEventSink;
import org.opencti.lab.pbx.ConnectionId;
import org.opencti.lab.pbx.ConnectionState;
import org.opencti.lab.pbx.CstaException;
import org.opencti.lab.pbx.Pbx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents the lab works itself, so it runs a whole contact centre with nobody at a desk: they log on at their
 * configured extension and go Ready, answer an offered call after the queue profile's answer time, hold a share of
 * calls once, and leave after-call work after the profile's wrap time; after a ring-no-answer they are Ready again
 * 10 s later. They act through the same ACD and switch services a CSTA client uses, so monitors see them like
 * anyone else, and they only ever touch the agents they were given. Loop-confined.
 */
public final class SimulatedAgents implements CallEventSink, AgentEventSink {

    private static final Logger log = LoggerFactory.getLogger(SimulatedAgents.class);
    private static final Duration BACK_AFTER_RONA = Duration.ofSeconds(10);

    private final EventLoop loop;
    private final Pbx pbx;
    private final Acd acd;
    private final LabConfig config;
    private final RandomGenerator random;
    /** Device -> agent id of the agents this class works. */
    private final Map<String, String> agentsByDevice = new LinkedHashMap<>();

    public SimulatedAgents(EventLoop loop, Pbx pbx, Acd acd, LabConfig config, RandomGenerator random, List<String> agentIds) {
        this.loop = loop;
        this.pbx = pbx;
        this.acd = acd;
        this.config = config;
        this.random = random;
        for (String id : agentIds) {
            AgentConfig agent = config.agent(id).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown simulated agent '" + id + "'; expected one of the configured agents"));
            agentsByDevice.put(agent.extension(), id);
        }
    }

    public List<String> agentIds() {
        return List.copyOf(agentsByDevice.values());
    }

    /** Logs every simulated agent on and makes it Ready; one already in use elsewhere is skipped with a warning. */
    public void start() {
        agentsByDevice.forEach((device, id) -> {
            String hex = HexFormat.of().formatHex(config.agent(id).orElseThrow().password().getBytes(StandardCharsets.UTF_8));
            try {
                acd.setAgentState(device, RequestedAgentState.LOGGED_ON, Optional.of(id), Optional.of(hex), Optional.empty());
                acd.setAgentState(device, RequestedAgentState.READY, Optional.empty(), Optional.empty(), Optional.empty());
            } catch (CstaException e) {
                log.warn("Simulated agent {} at {} not started: {}", id, device, e.getMessage());
            }
        });
    }

    @Override
    public void publish(CallEvent event, Map<String, ConnectionState> audience) {
        switch (event) {
            case CallEvent.Delivered e -> {
                if (agentsByDevice.containsKey(e.alertingDevice()))
                    later(profile(e.lastRedirection()).answer(), () -> answer(e.connection()));
            }
            case CallEvent.Established e -> {
                QueueTraffic profile = profile(e.lastRedirection());
                if (agentsByDevice.containsKey(e.answeringDevice()) && random.nextDouble() < profile.holdShare())
                    later(TimeDistribution.of(10, 2, 30), () -> holdFor(e.established(), profile.hold()));
            }
            case CallEvent.ServiceInitiated e -> { }
            case CallEvent.Originated e -> { }
            case CallEvent.Held e -> { }
            case CallEvent.Retrieved e -> { }
            case CallEvent.ConnectionCleared e -> { }
            case CallEvent.CallCleared e -> { }
            case CallEvent.Transferred e -> { }
            case CallEvent.Conferenced e -> { }
            case CallEvent.Diverted e -> { }
            case CallEvent.Failed e -> { }
            case CallEvent.Queued e -> { }
            case CallEvent.CallInformation e -> { }
        }
    }

    @Override
    public void publish(AgentEvent event) {
        if (!agentsByDevice.containsKey(event.device()))
            return;
        switch (event) {
            case AgentEvent.WorkingAfterCall e -> later(profile(e.acdGroup()).wrap(), () -> readyFrom(e.device(), AgentState.WORKING_AFTER_CALL));
            case AgentEvent.NotReady e -> {
                if (e.reasonCode().filter(Acd.RONA_REASON::equals).isPresent())
                    loop.schedule(BACK_AFTER_RONA, () -> readyFrom(e.device(), AgentState.NOT_READY));
            }
            case AgentEvent.LoggedOn e -> { }
            case AgentEvent.LoggedOff e -> { }
            case AgentEvent.Ready e -> { }
            case AgentEvent.Busy e -> { }
        }
    }

    private void later(TimeDistribution delay, Runnable action) {
        Duration wait = delay.sample(random);
        loop.schedule(wait.isZero() ? Duration.ofMillis(1) : wait, action);
    }

    private void answer(ConnectionId offered) {
        ConnectionId now = new ConnectionId(pbx.currentId(offered.callId()), offered.deviceId());
        if (stateOf(now) == ConnectionState.ALERTING)
            pbx.answer(now);
    }

    private void holdFor(ConnectionId talking, TimeDistribution hold) {
        ConnectionId now = new ConnectionId(pbx.currentId(talking.callId()), talking.deviceId());
        if (stateOf(now) != ConnectionState.CONNECTED)
            return;
        pbx.hold(now);
        later(hold, () -> {
            if (stateOf(now) == ConnectionState.HOLD)
                pbx.retrieve(now);
        });
    }

    private void readyFrom(String device, AgentState expected) {
        if (acd.agentOn(device).filter(a -> a.state() == expected).isPresent())
            acd.setAgentState(device, RequestedAgentState.READY, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private ConnectionState stateOf(ConnectionId connection) {
        return pbx.snapshot(connection.callId()).map(c -> c.stateOf(connection.deviceId())).orElse(ConnectionState.NULL);
    }

    // The profile of the queue a call came through; calls from no queue use the first profile (or the demo's).
    private QueueTraffic profile(Optional<String> queueDevice) {
        Optional<String> queueId = queueDevice.flatMap(pbx.directory()::queueAt).map(q -> q.id());
        List<QueueTraffic> profiles = config.traffic().queues();
        return profiles.stream().filter(p -> queueId.filter(p.queue()::equals).isPresent()).findFirst()
                .or(() -> profiles.stream().findFirst())
                .orElse(new QueueTraffic("-", 0, TimeDistribution.of(120, 20, 600), 0.2, TimeDistribution.of(20, 5, 60),
                        TimeDistribution.of(15, 5, 30), TimeDistribution.of(90, 20, 300), TimeDistribution.of(4, 1, 10)));
    }
}
