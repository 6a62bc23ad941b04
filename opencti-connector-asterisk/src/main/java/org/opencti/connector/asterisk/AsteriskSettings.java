package org.opencti.connector.asterisk;

import java.time.Duration;
import java.util.Map;

/**
 * Validated configuration of one Asterisk AMI link (see {@link AsteriskConnectorProvider} for the property names).
 *
 * @param technology the channel technology of agent phones, so extension 5001 is interface {@code PJSIP/5001}
 * @param queues queue DNIS (the extension callers dial) to Asterisk queue name, e.g. {@code 8001 -> sales}
 * @param context the dialplan context for Originate, BlindTransfer, Redirect and Atxfer destinations
 * @param ringNoAnswer what to do when an agent lets a queue call ring out
 */
public record AsteriskSettings(String host, int port, String username, String secret, String technology,
                               Map<String, String> queues, String context, Duration originateTimeout,
                               Duration pingInterval, Duration reconnectMin, Duration reconnectMax,
                               RingNoAnswer ringNoAnswer) {
    public AsteriskSettings {
        queues = Map.copyOf(queues);
    }

    /** What the connector does after {@code AgentRingNoAnswer}. */
    public enum RingNoAnswer {
        /** Pause the member in every queue with reason {@code RONA}, so the ACD stops offering it calls (the default). */
        PAUSE,
        /** Leave the member as Asterisk has it (queues.conf {@code autopause} may pause it anyway). */
        IGNORE
    }

    /** The queue interface of an extension: {@code PJSIP/5001}. */
    public String interfaceOf(String extension) { return technology + "/" + extension; }
}
