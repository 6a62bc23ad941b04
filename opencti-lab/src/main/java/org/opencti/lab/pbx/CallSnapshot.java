package org.opencti.lab.pbx;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call as it stands: its parties in joining order, the calling and first-called numbers, the queue it came
 * through, its data, the DTMF digits each device sent and, for a consultation, the held call it was made from.
 */
public record CallSnapshot(String callId, List<Party> parties, String callingDevice, String calledDevice,
                           Optional<String> lastRedirection, Map<String, String> callData, Optional<String> queueDevice,
                           Map<String, String> digitsSent, Optional<String> consultationOf) {

    public record Party(String device, ConnectionState state) {
    }

    public CallSnapshot {
        parties = List.copyOf(parties);
        callData = Map.copyOf(callData);
        digitsSent = Map.copyOf(digitsSent);
    }

    public ConnectionState stateOf(String device) {
        return parties.stream().filter(p -> p.device().equals(device)).map(Party::state).findFirst()
                .orElse(ConnectionState.NULL);
    }
}
