package org.opencti.connector.spi;

import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.opencti.model.AgentId;
import org.opencti.model.LinkState;
import org.opencti.model.event.SnapshotEvent;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.state.Action;

/**
 * A link to one CTI server, speaking OpenCTI's canonical model on this side.
 *
 * <p>Threading: every method may be called from any thread. Events reach {@link ConnectorContext#publish} in the
 * order the CTI server produced them for each agent. All timers (keep-alive, reconnect backoff, request timeouts)
 * run on {@link ConnectorContext#scheduler()}, so tests drive them on virtual time.
 *
 * <p>Outcomes: {@link #execute} completes when the CTI server accepted the request; what the request did arrives as
 * events. It fails only with {@link org.opencti.model.CtiException}: a refusal (bad arguments, a state the request
 * is invalid in, link down) before anything is sent, or the CTI server's negative answer. A failure after the
 * request was accepted is published as an {@link org.opencti.model.event.ErrorEvent} carrying the request id.
 */
public interface CtiConnector extends AutoCloseable {

    /** Connects to the CTI server and starts publishing events; returns at once (the link comes up asynchronously). */
    void start(ConnectorContext context);

    /**
     * Sends a canonical request on behalf of {@code agentId}. For {@code login} the request names the agent and the
     * extension (the platform fills in the default one) and the connector starts monitoring that device.
     *
     * @param requestId the platform's request id, carried by any later {@code ErrorEvent} about this request
     */
    CompletionStage<Accepted> execute(RequestId requestId, AgentId agentId, CtiRequest request);

    /** The whole current state of an agent's desk, as the CTI server knows it. */
    CompletionStage<SnapshotEvent> snapshot(AgentId agentId);

    /** Starts queue monitoring: {@code QueueEvent}s for this queue DNIS are published (without an agent). */
    CompletionStage<Accepted> monitorQueue(String queueDn);

    /** The link's state now. */
    LinkState linkState();

    /** The requests this connector supports; the panel hides the rest, the TCK skips them. */
    Set<Action> capabilities();

    /** Stops monitors, ends the session and closes the link. Idempotent. */
    @Override
    void close();
}
