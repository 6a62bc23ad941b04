package org.opencti.connector.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.opencti.connector.spi.contract.EventRecorder.expect;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.opencti.connector.spi.Accepted;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.RequestId;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.CtiException;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.json.CtiJson;
import org.opencti.model.request.AgentReady;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.request.Login;
import org.opencti.model.state.Action;
import org.opencti.model.state.CallLeg;
import org.opencti.model.state.StateTables;

/** The fixtures every part of the {@link ConnectorContract} shares; a connector's test provides {@link #subject()}. */
public interface ContractSupport {
    Duration WAIT = Duration.ofSeconds(5);
    Map<String, String> CALL_DATA = Map.of("accountId", "A-1001", "reason", "billing question");

    /** The connector under test, started for this test, with its recorder, virtual time and far side. */
    ContractSubject subject();

    default CtiConnector connector() { return subject().connector(); }

    default EventRecorder events() { return subject().events(); }

    default FarSide farSide() { return subject().farSide(); }

    /** Skips the test (reported as skipped, never passed) unless the connector declares every one of {@code actions}. */
    default void requires(Action... actions) {
        Set<Action> declared = connector().capabilities();
        for (Action action : actions)
            Assumptions.assumeTrue(declared.contains(action),
                    () -> "connector does not declare " + action + "; declared: " + declared);
    }

    /** Every event the connector published is valid v1 JSON (schema and model), whatever the test did. */
    @AfterEach
    default void everyPublishedEventIsValidV1() {
        for (CtiEvent event : events().all()) {
            assertThat(event.seq()).as("a connector never numbers events: %s", event).isNull();
            assertThat(CtiJson.parseEvent(CtiJson.write(event))).as("round trip of %s", event).isEqualTo(event);
        }
    }

    /** Executes and waits for acceptance; a refusal fails the test with the connector's message. */
    default Accepted accepted(AgentId agent, CtiRequest request) {
        try {
            return connector().execute(new RequestId("r-" + System.nanoTime()), agent, request)
                    .toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(request + " was refused: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(request + " got no answer within " + WAIT
                    + "; events so far:\n" + EventRecorder.describe(events().all()), e);
        }
    }

    /** Executes a request that must be refused, and returns the refusal. */
    default CtiException refused(AgentId agent, CtiRequest request) {
        try {
            var stage = connector().execute(new RequestId("r-" + System.nanoTime()), agent, request);
            Accepted result = stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return fail(request + " was accepted (" + result + ") but should have been refused");
        } catch (CtiException e) {
            return e;
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof CtiException cti) return cti;
            throw new AssertionError(request + " failed with " + e.getCause() + " instead of a CtiException", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(request + " got no answer within " + WAIT, e);
        }
    }

    /** Executes a request that must be refused with {@code code} and publish nothing for the agent. */
    default CtiException refusedWith(ErrorCode code, AgentId agent, CtiRequest request) {
        int mark = events().mark();
        CtiException refusal = refused(agent, request);
        assertThat(refusal.code()).as("code of the refusal of %s: %s", request, refusal.getMessage()).isEqualTo(code);
        assertThat(refusal.getMessage()).as("a refusal says what was wrong").isNotBlank();
        events().assertNone(mark, expect(CtiEvent.class, "for agent " + agent + " after the refusal",
                e -> agent.equals(e.agentId())));
        return refusal;
    }

    default AgentId agentId(int index) { return new AgentId(farSide().agent(index).agentId()); }

    default String extension(int index) { return farSide().agent(index).extension(); }

    /** Logs the {@code index}-th demo agent in and waits for NotReady with reason login. */
    default AgentId loggedIn(int index) {
        FarSide.DemoAgent demo = farSide().agent(index);
        AgentId agent = new AgentId(demo.agentId());
        int mark = events().mark();
        accepted(agent, new Login(agent, demo.password(), demo.extension(), null));
        events().awaitSequence(mark, WAIT, agentState(agent, AgentState.NotReady));
        return agent;
    }

    /** Logs the agent in and makes it Ready. */
    default AgentId ready(int index) {
        AgentId agent = loggedIn(index);
        int mark = events().mark();
        accepted(agent, new AgentReady(null));
        events().awaitSequence(mark, WAIT, agentState(agent, AgentState.Ready));
        return agent;
    }

    /** A customer calls the first queue while {@code agent} is the only Ready agent; returns the Offering. */
    default CallStateEvent offered(AgentId agent, String customer) {
        int mark = events().mark();
        farSide().placeCustomerCall(customer, farSide().queueDnis(0), CALL_DATA);
        CallStateEvent offering = (CallStateEvent) events().awaitSequence(mark, WAIT, callState(agent, ConnectionState.Offering)).getFirst();
        events().awaitSequence(mark, WAIT, agentState(agent, AgentState.Busy)); // settled: no event of the offer in flight
        return offering;
    }

    /** An ACD call offered to and answered by {@code agent}; returns the Established event. */
    default CallStateEvent established(AgentId agent, String customer) {
        CallStateEvent offering = offered(agent, customer);
        int mark = events().mark();
        accepted(agent, new org.opencti.model.request.AnswerCall(offering.callId()));
        return (CallStateEvent) events().awaitSequence(mark, WAIT,
                callState(agent, offering.callId(), ConnectionState.Established)).getFirst();
    }

    static EventRecorder.Expected<AgentStateEvent> agentState(AgentId agent, AgentState state) {
        return expect(AgentStateEvent.class, "of " + agent + " named " + state,
                e -> agent.equals(e.agentId()) && e.name() == state);
    }

    static EventRecorder.Expected<CallStateEvent> callState(AgentId agent, ConnectionState state) {
        return expect(CallStateEvent.class, "of " + agent + " named " + state,
                e -> agent.equals(e.agentId()) && e.name() == state);
    }

    static EventRecorder.Expected<CallStateEvent> callState(AgentId agent, CallId call, ConnectionState state) {
        return expect(CallStateEvent.class, "of " + agent + " for call " + call + " named " + state,
                e -> agent.equals(e.agentId()) && e.callId().equals(call) && e.name() == state);
    }

    static EventRecorder.Expected<CallStateEvent> disconnected(AgentId agent, CallId call, DisconnectCause cause) {
        return expect(CallStateEvent.class, "of " + agent + " for call " + call + " Disconnected with cause " + cause,
                e -> agent.equals(e.agentId()) && e.callId().equals(call) && e.name() == ConnectionState.Disconnected
                        && e.cause() == cause);
    }

    /** The event's allowedActions are exactly the state table's for its state and the given leg. */
    static void assertAllowedActions(CallStateEvent event, CallLeg leg) {
        assertThat(Set.copyOf(event.allowedActions()))
                .as("allowedActions of %s call %s (%s leg)", event.name(), event.callId(), leg.key())
                .isEqualTo(StateTables.v1().allowedActions(event.name(), leg));
    }
}
