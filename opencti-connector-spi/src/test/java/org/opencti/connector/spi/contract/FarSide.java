package org.opencti.connector.spi.contract;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.opencti.model.AgentState;
import org.opencti.model.ConnectionState;

/**
 * The other side of the connector under test: the back end (a lab, a PBX, a recording) as the TCK drives it. It
 * plays customers and outside numbers, moves the back end's clock, breaks the link, and says what the back end
 * believes an agent's desk looks like, so a connector's snapshot can be compared with the truth. Implementations
 * talk to the back end by its own means; the TCK never sees the protocol.
 */
public interface FarSide extends AutoCloseable {

    /** A demo agent the back end knows: log in with {@code agentId}/{@code password} at {@code extension}. */
    record DemoAgent(String agentId, String password, String extension) {}

    /** The back end's truth about one call at an agent's device: its id, this device's state, the parties' numbers. */
    record CallTruth(String callId, ConnectionState state, Map<String, ConnectionState> parties) {}

    /** The back end's truth about an agent: state, reason, pending state and the calls at its device. */
    record AgentTruth(AgentState state, String reasonCode, AgentState pendingState, List<CallTruth> calls) {}

    /** The {@code index}-th demo agent (0-based); tests use distinct agents for distinct roles. */
    DemoAgent agent(int index);

    /** A queue DNIS whose queue every demo agent serves; {@code index} picks one of several (0-based). */
    String queueDnis(int index);

    /** An outside number that answers after a short ring; {@code index} gives distinct numbers. */
    String answeringNumber(int index);

    /** A dial string the back end cannot route anywhere (well-formed, but no device, queue or outside rule). */
    String unreachableNumber();

    /** An outside number that is always busy. */
    String busyNumber();

    /** An outside number that rings and never answers (the call fails after the back end's timeout). */
    String neverAnsweringNumber();

    /** How long the back end lets an offered ACD call ring at an agent before taking it back (ring-no-answer). */
    Duration ringNoAnswer();

    /** How long an outside number rings before it answers. */
    Duration outsideRingTime();

    /** How long a never-answering number rings before the call fails. */
    Duration noAnswerTimeout();

    /** After-call work after an ACD call, before the agent is made Ready again. */
    Duration wrapTime();

    /** A customer at {@code customerNumber} dials {@code dnis}; returns the back end's id of that call. */
    String placeCustomerCall(String customerNumber, String dnis, Map<String, String> callData);

    /** The outside party {@code number}, ringing on {@code callId}, answers. */
    void outsideAnswers(String callId, String number);

    /** The outside party {@code number} hangs up {@code callId}. */
    void outsideHangsUp(String callId, String number);

    /** Moves the back end's clock forward (ring timers, ring-no-answer, wrap time) and waits until it has acted. */
    void advanceTime(Duration duration);

    /** What the back end believes about the agent at {@code extension}. */
    AgentTruth truth(String extension);

    /**
     * Whether the back end checks agent passwords at login. Asterisk queue members have none (login is a QueueAdd),
     * so a connector to it cannot refuse a wrong one; the password test is then skipped, never passed.
     */
    default boolean checksAgentPasswords() { return true; }

    /** Whether {@link #dropLinks()}, {@link #acceptLinks()} and {@link #makeLinksHalfOpen()} work. */
    boolean controlsLinks();

    /** The back end drops every connector link and refuses new ones until {@link #acceptLinks()}. */
    void dropLinks();

    /** The back end accepts connector links again. */
    void acceptLinks();

    /** Every connector link goes silent without closing (a half-open connection): nothing passes either way. */
    void makeLinksHalfOpen();

    @Override void close();
}
