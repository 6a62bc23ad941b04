package org.opencti.connector.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.connector.spi.contract.ContractSupport.disconnected;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.model.LinkState;
import org.opencti.model.Party;
import org.opencti.model.event.CallSnapshot;
import org.opencti.model.event.LinkStateEvent;
import org.opencti.model.event.SnapshotEvent;
import org.opencti.model.request.AgentNotReady;
import org.opencti.model.request.HoldCall;
import org.opencti.model.state.Action;

/**
 * The CTI link: loss (dropped by the back end, or gone silent half-open), fail-fast requests while it is down, and
 * the way back (Connected, then a snapshot per agent equal to the back end's truth; calls that vanished in the gap
 * closed with cause LinkLost). Connector timers run on the subject's virtual time, so "within 6 s" is exact.
 */
public interface LinkContract extends ContractSupport {
    Duration DETECTION = Duration.ofSeconds(6);

    private void requiresLinkControl() {
        Assumptions.assumeTrue(farSide().controlsLinks(), "the far side cannot drop or silence links");
    }

    private EventRecorder.Expected<LinkStateEvent> link(AgentId agent, LinkState state) {
        return EventRecorder.expect(LinkStateEvent.class, "of " + agent + " " + state,
                e -> agent.equals(e.agentId()) && e.name() == state);
    }

    /** Lets connector time pass in one-second steps until every agent's link is Connected again. */
    private void awaitReconnected(int mark, List<AgentId> agents) {
        for (AgentId agent : agents) {
            for (int step = 0; ; step++) {
                if (events().poll(mark, link(agent, LinkState.Connected), Duration.ofMillis(100)).isPresent()) break;
                if (step > 120) events().awaitSequence(mark, Duration.ZERO, link(agent, LinkState.Connected));
                subject().connectorTime().advance(Duration.ofSeconds(1));
            }
        }
    }

    /** The snapshot equals the back end's truth: agent state, reason, pending state and calls {id, state, parties}. */
    private void assertSnapshotIsTheTruth(SnapshotEvent snapshot, String extension) {
        FarSide.AgentTruth truth = farSide().truth(extension);
        assertThat(snapshot.linkState()).isEqualTo(LinkState.Connected);
        assertThat(snapshot.agent().state()).as("agent state").isEqualTo(truth.state());
        assertThat(snapshot.agent().reasonCode()).as("reason").isEqualTo(truth.reasonCode());
        assertThat(snapshot.agent().pendingState()).as("pending state").isEqualTo(truth.pendingState());
        assertThat(snapshot.calls()).as("calls").hasSameSizeAs(truth.calls());
        for (int i = 0; i < truth.calls().size(); i++) {
            CallSnapshot call = snapshot.calls().get(i);
            FarSide.CallTruth expected = truth.calls().get(i);
            assertThat(call.callId().value()).isEqualTo(expected.callId());
            assertThat(call.state()).as("state of call %s", expected.callId()).isEqualTo(expected.state());
            assertThat(call.parties().stream().collect(java.util.stream.Collectors.toMap(Party::dn, Party::state)))
                    .as("parties of call %s", expected.callId()).isEqualTo(expected.parties());
        }
    }

    @Test
    default void the_snapshot_of_an_agent_equals_the_back_ends_truth() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.HOLD_CALL);
        AgentId agent = ready(0);
        CallId call = established(agent, farSide().answeringNumber(0)).callId();
        int mark = events().mark();
        accepted(agent, new HoldCall(call));
        events().awaitSequence(mark, WAIT, ContractSupport.callState(agent, call, ConnectionState.Held));

        SnapshotEvent snapshot = connector().snapshot(agent).toCompletableFuture().join();

        assertSnapshotIsTheTruth(snapshot, extension(0));
        assertThat(snapshot.calls().getFirst().callData()).containsAllEntriesOf(CALL_DATA);
    }

    @Test
    default void link_loss_is_reported_to_every_agent_and_requests_then_fail_fast_with_LINK_DOWN() {
        requiresLinkControl();
        requires(Action.LOGIN, Action.AGENT_NOT_READY);
        AgentId a = loggedIn(0);
        AgentId b = loggedIn(1);
        int mark = events().mark();

        farSide().dropLinks();

        events().awaitSequence(mark, WAIT, link(a, LinkState.Disconnected));
        events().awaitSequence(mark, WAIT, link(b, LinkState.Disconnected));
        assertThat(connector().linkState()).isNotEqualTo(LinkState.Connected);
        long started = System.nanoTime();
        refusedWith(ErrorCode.OPENCTI_LINK_DOWN, a, new AgentNotReady("Break", null));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("fail fast").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    default void link_back_publishes_Connected_and_a_snapshot_per_agent_equal_to_the_truth() {
        requiresLinkControl();
        requires(Action.LOGIN, Action.AGENT_READY, Action.AGENT_NOT_READY, Action.ANSWER_CALL);
        AgentId a = ready(0);
        AgentId b = loggedIn(1);
        CallId call = established(a, farSide().answeringNumber(0)).callId();
        int asked = events().mark();
        accepted(a, new AgentNotReady("Lunch", null));
        events().awaitSequence(asked, WAIT, EventRecorder.expect(org.opencti.model.event.AgentStateEvent.class,
                "pending NotReady", e -> e.pendingState() == org.opencti.model.AgentState.NotReady));
        int mark = events().mark();
        farSide().dropLinks();
        events().awaitSequence(mark, WAIT, link(a, LinkState.Disconnected));
        subject().connectorTime().advance(Duration.ofSeconds(3));
        int back = events().mark();

        farSide().acceptLinks();
        awaitReconnected(back, List.of(a, b));

        SnapshotEvent atA = (SnapshotEvent) events().awaitSequence(back, WAIT, link(a, LinkState.Connected),
                EventRecorder.expect(SnapshotEvent.class, "of A", e -> a.equals(e.agentId()))).get(1);
        SnapshotEvent atB = (SnapshotEvent) events().awaitSequence(back, WAIT, link(b, LinkState.Connected),
                EventRecorder.expect(SnapshotEvent.class, "of B", e -> b.equals(e.agentId()))).get(1);
        assertSnapshotIsTheTruth(atA, extension(0));
        assertSnapshotIsTheTruth(atB, extension(1));
        assertThat(atA.calls()).extracting(CallSnapshot::callId).containsExactly(call);
        assertThat(atA.agent().pendingState()).isEqualTo(org.opencti.model.AgentState.NotReady);
        assertThat(atA.agent().pendingReasonCode()).isEqualTo("Lunch");
        events().assertNone(back, ContractSupport.callState(a, call, ConnectionState.Disconnected));
    }

    @Test
    default void a_call_that_ended_while_the_link_was_down_is_closed_with_cause_LinkLost() {
        requiresLinkControl();
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL);
        AgentId a = ready(0);
        String customer = farSide().answeringNumber(0);
        CallId call = established(a, customer).callId();
        int mark = events().mark();
        farSide().dropLinks();
        events().awaitSequence(mark, WAIT, link(a, LinkState.Disconnected));

        farSide().outsideHangsUp(call.value(), customer);
        farSide().acceptLinks();
        awaitReconnected(mark, List.of(a));

        events().awaitSequence(mark, WAIT, link(a, LinkState.Connected), disconnected(a, call, DisconnectCause.LinkLost));
        SnapshotEvent snapshot = (SnapshotEvent) events().awaitSequence(mark, WAIT,
                EventRecorder.expect(SnapshotEvent.class, "of A", e -> a.equals(e.agentId()))).getFirst();
        assertThat(snapshot.calls()).isEmpty();
    }

    @Test
    default void a_half_open_link_is_noticed_within_6_seconds_of_connector_time() {
        requiresLinkControl();
        requires(Action.LOGIN, Action.AGENT_NOT_READY);
        AgentId a = loggedIn(0);
        int mark = events().mark();

        farSide().makeLinksHalfOpen();
        for (int second = 0; second < DETECTION.toSeconds(); second++)
            subject().connectorTime().advance(Duration.ofSeconds(1));

        events().awaitSequence(mark, WAIT, link(a, LinkState.Disconnected));
        refusedWith(ErrorCode.OPENCTI_LINK_DOWN, a, new AgentNotReady("Break", null));
    }

    @Test
    default void a_request_pending_when_the_link_drops_fails_instead_of_hanging() throws Exception {
        requiresLinkControl();
        requires(Action.LOGIN, Action.AGENT_NOT_READY);
        AgentId a = loggedIn(0);
        farSide().makeLinksHalfOpen();

        var pending = connector().execute(new org.opencti.connector.spi.RequestId("r-pending"), a, new AgentNotReady("Break", null))
                .toCompletableFuture();
        for (int second = 0; second < DETECTION.toSeconds(); second++)
            subject().connectorTime().advance(Duration.ofSeconds(1));

        assertThat(pending).failsWithin(WAIT.toMillis(), TimeUnit.MILLISECONDS).withThrowableThat()
                .havingRootCause().isInstanceOf(org.opencti.model.CtiException.class);
    }
}
