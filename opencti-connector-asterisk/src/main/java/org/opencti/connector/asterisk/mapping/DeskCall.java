package org.opencti.connector.asterisk.mapping;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.state.Action;

/**
 * One call at an agent's device. Its id is the Asterisk {@code Linkedid} (the oldest channel of the call, so the
 * same on every leg); {@code leg} is the {@code Uniqueid} of this device's own channel. Guarded by its desk's lock.
 */
final class DeskCall {
    final CallId callId;
    final CallType callType;
    final Instant since;
    ConnectionState state;
    String leg;
    String channel;
    /** The other party's channel (the caller's, for a call offered here), where a deflect redirects. */
    String farChannel;
    String ani;
    String dnis;
    String otherDn;
    String queue;
    boolean acd;
    boolean hangUpRequested;
    boolean remoteLeft;
    Map<String, String> callData = Map.of();
    /** Every party with its state, ours first. */
    final Map<String, ConnectionState> parties = new LinkedHashMap<>();
    List<Action> lastActions = List.of();

    DeskCall(CallId callId, CallType callType, ConnectionState state, Instant since) {
        this.callId = callId;
        this.callType = callType;
        this.state = state;
        this.since = since;
    }
}
