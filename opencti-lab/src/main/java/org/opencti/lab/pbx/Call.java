package org.opencti.lab.pbx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A call and its connections. Mutable, confined to the event loop; the outside world sees {@link CallSnapshot}s. */
final class Call {

    /** This call is a consultation made from {@code heldCallId} at {@code device}. */
    record Consultation(String heldCallId, String device, ConsultOptions options) {
    }

    final String id;
    /** Creation order: calls at a device are listed oldest first. */
    final long sequence;
    private final CallIndex index;
    final String callingDevice;
    final String calledDevice;
    /** Read freely; change only through {@link #put} and {@link #remove}, which keep the {@link CallIndex} true. */
    final LinkedHashMap<String, ConnectionState> connections = new LinkedHashMap<>();
    final Map<String, StringBuilder> digits = new LinkedHashMap<>();
    Optional<String> lastRedirection = Optional.empty();
    CallData data;
    EventCause deliveryCause = EventCause.NEW_CALL;
    /** The queue the call waits in or came through. */
    Optional<String> queueDevice = Optional.empty();
    /** Position key while queued: smaller waits longer; requeued calls get keys before every other. */
    long queueOrder;
    /** The agent device the ACD offered the call to, while it rings there. */
    Optional<String> offeredTo = Optional.empty();
    Optional<Consultation> consultation = Optional.empty();
    /** Offered to a queue and neither answered nor gone yet: counts as answered or abandoned when that changes. */
    boolean acdPending;

    Call(long sequence, CallIndex index, String callingDevice, String calledDevice, CallData data) {
        this.id = String.valueOf(sequence);
        this.sequence = sequence;
        this.index = index;
        this.callingDevice = callingDevice;
        this.calledDevice = calledDevice;
        this.data = data;
    }

    void put(String device, ConnectionState state) {
        ConnectionState before = connections.put(device, state);
        index.changed(this, device, before, state);
    }

    void remove(String device) {
        ConnectionState before = connections.remove(device);
        if (before != null)
            index.changed(this, device, before, null);
    }

    ConnectionId connection(String device) {
        return new ConnectionId(id, device);
    }

    ConnectionState state(String device) {
        return connections.getOrDefault(device, ConnectionState.NULL);
    }

    List<String> devices() {
        return new ArrayList<>(connections.keySet());
    }

    List<String> devicesOtherThan(String device) {
        return connections.keySet().stream().filter(d -> !d.equals(device)).toList();
    }

    CallSnapshot snapshot() {
        List<CallSnapshot.Party> parties = connections.entrySet().stream()
                .map(e -> new CallSnapshot.Party(e.getKey(), e.getValue())).toList();
        Map<String, String> sent = new LinkedHashMap<>();
        digits.forEach((device, text) -> sent.put(device, text.toString()));
        return new CallSnapshot(id, parties, callingDevice, calledDevice, lastRedirection, data.items(), queueDevice,
                sent, consultation.map(Consultation::heldCallId));
    }
}
