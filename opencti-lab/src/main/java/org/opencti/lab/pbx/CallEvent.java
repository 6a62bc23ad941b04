package org.opencti.lab.pbx;

import java.util.List;
import java.util.Optional;

/**
 * What happened to a call, in ECMA-269 terms: one record per CSTA call event. Devices are dial strings;
 * {@code lastRedirection} is empty when there is none.
 */
public sealed interface CallEvent {

    /** The call the event is about (after a transfer or conference: the resulting call). */
    String callId();

    record ServiceInitiated(ConnectionId initiated, String initiatingDevice, EventCause cause) implements CallEvent {
        public String callId() { return initiated.callId(); }
    }

    record Originated(ConnectionId originated, String callingDevice, String calledDevice, EventCause cause) implements CallEvent {
        public String callId() { return originated.callId(); }
    }

    record Delivered(ConnectionId connection, String alertingDevice, String callingDevice, String calledDevice,
                     Optional<String> lastRedirection, EventCause cause, CallData data) implements CallEvent {
        public String callId() { return connection.callId(); }
    }

    record Established(ConnectionId established, String answeringDevice, String callingDevice, String calledDevice,
                       Optional<String> lastRedirection, EventCause cause, CallData data) implements CallEvent {
        public String callId() { return established.callId(); }
    }

    record Held(ConnectionId held, String holdingDevice, EventCause cause) implements CallEvent {
        public String callId() { return held.callId(); }
    }

    record Retrieved(ConnectionId retrieved, String retrievingDevice, EventCause cause) implements CallEvent {
        public String callId() { return retrieved.callId(); }
    }

    record ConnectionCleared(ConnectionId dropped, String releasingDevice, EventCause cause) implements CallEvent {
        public String callId() { return dropped.callId(); }
    }

    record CallCleared(String callId, EventCause cause) implements CallEvent {
    }

    /** One party of a transferred or conferenced call: its new connection and, if it had one, its old one. */
    record ConnectionListItem(ConnectionId newConnection, Optional<ConnectionId> oldConnection, String endpoint) {
    }

    record Transferred(ConnectionId primaryOldCall, Optional<ConnectionId> secondaryOldCall, String transferringDevice,
                       String transferredToDevice, List<ConnectionListItem> connections, EventCause cause,
                       CallData data, String callId) implements CallEvent {
        public Transferred {
            connections = List.copyOf(connections);
        }
    }

    record Conferenced(ConnectionId primaryOldCall, ConnectionId secondaryOldCall, String conferencingDevice,
                       String addedParty, List<ConnectionListItem> connections, CallData data,
                       String callId) implements CallEvent {
        public Conferenced {
            connections = List.copyOf(connections);
        }
    }

    record Diverted(ConnectionId connection, String divertingDevice, String newDestination, String callingDevice,
                    String calledDevice, Optional<String> lastRedirection, EventCause cause, CallData data) implements CallEvent {
        public String callId() { return connection.callId(); }
    }

    record Failed(ConnectionId failed, String failingDevice, String callingDevice, String calledDevice,
                  Optional<String> lastRedirection, EventCause cause) implements CallEvent {
        public String callId() { return failed.callId(); }
    }

    record Queued(ConnectionId queued, String queue, String callingDevice, String calledDevice,
                  Optional<String> lastRedirection, int numberQueued, EventCause cause, CallData data) implements CallEvent {
        public String callId() { return queued.callId(); }
    }

    record CallInformation(ConnectionId connection, String device, CallData data) implements CallEvent {
        public String callId() { return connection.callId(); }
    }
}
