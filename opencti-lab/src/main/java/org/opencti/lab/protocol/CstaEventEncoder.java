package org.opencti.lab.protocol;

import java.util.List;
import java.util.Optional;
import org.opencti.lab.acd.AgentEvent;
import org.opencti.lab.acd.PendingState;
import org.opencti.lab.acd.WorkMode;
import java.util.function.Function;
import org.opencti.lab.pbx.CallData;
import org.opencti.lab.pbx.CallEvent;
import org.opencti.lab.pbx.CallEvent.ConnectionListItem;
import org.opencti.lab.pbx.ConnectionId;
import org.opencti.lab.pbx.ConnectionState;

/** Writes CSTA events as docs/csta-profile.md §7 specifies, for one monitor. */
final class CstaEventEncoder {

    private CstaEventEncoder() {
    }

    /** {@code queueId}: the id of the queue the call came through (od:queue on the events that carry call data). */
    static String call(String namespace, String crossRefId, CallEvent event, ConnectionState local, Optional<String> queueId) {
        XmlWriter xml = switch (event) {
            case CallEvent.ServiceInitiated e -> start("ServiceInitiatedEvent", namespace, crossRefId)
                    .connection("initiatedConnection", e.initiated()).device("initiatingDevice", e.initiatingDevice())
                    .state(local).cause(e.cause().wireName()).xml;
            case CallEvent.Originated e -> start("OriginatedEvent", namespace, crossRefId)
                    .connection("originatedConnection", e.originated()).device("callingDevice", e.callingDevice())
                    .device("calledDevice", e.calledDevice()).state(local).cause(e.cause().wireName()).xml;
            case CallEvent.Delivered e -> start("DeliveredEvent", namespace, crossRefId)
                    .connection("connection", e.connection()).device("alertingDevice", e.alertingDevice())
                    .device("callingDevice", e.callingDevice()).device("calledDevice", e.calledDevice())
                    .device("lastRedirectionDevice", e.lastRedirection()).state(local).cause(e.cause().wireName())
                    .data(e.data(), queueId).xml;
            case CallEvent.Established e -> start("EstablishedEvent", namespace, crossRefId)
                    .connection("establishedConnection", e.established()).device("answeringDevice", e.answeringDevice())
                    .device("callingDevice", e.callingDevice()).device("calledDevice", e.calledDevice())
                    .device("lastRedirectionDevice", e.lastRedirection()).state(local).cause(e.cause().wireName())
                    .data(e.data(), queueId).xml;
            case CallEvent.Held e -> start("HeldEvent", namespace, crossRefId).connection("heldConnection", e.held())
                    .device("holdingDevice", e.holdingDevice()).state(local).cause(e.cause().wireName()).xml;
            case CallEvent.Retrieved e -> start("RetrievedEvent", namespace, crossRefId)
                    .connection("retrievedConnection", e.retrieved()).device("retrievingDevice", e.retrievingDevice())
                    .state(local).cause(e.cause().wireName()).xml;
            case CallEvent.ConnectionCleared e -> start("ConnectionClearedEvent", namespace, crossRefId)
                    .connection("droppedConnection", e.dropped()).device("releasingDevice", e.releasingDevice())
                    .state(local).cause(e.cause().wireName()).xml;
            case CallEvent.CallCleared e -> {
                Writer w = start("CallClearedEvent", namespace, crossRefId);
                w.xml.start("clearedCall").leaf("callID", e.callId()).end();
                yield w.state(ConnectionState.NULL).cause(e.cause().wireName()).xml;
            }
            case CallEvent.Transferred e -> {
                Writer w = start("TransferedEvent", namespace, crossRefId).connection("primaryOldCall", e.primaryOldCall());
                e.secondaryOldCall().ifPresent(c -> w.connection("secondaryOldCall", c));
                yield w.device("transferringDevice", e.transferringDevice())
                        .device("transferredToDevice", e.transferredToDevice())
                        .items("transferredConnections", e.connections()).state(local).cause(e.cause().wireName())
                        .data(e.data(), queueId).xml;
            }
            case CallEvent.Conferenced e -> start("ConferencedEvent", namespace, crossRefId)
                    .connection("primaryOldCall", e.primaryOldCall()).connection("secondaryOldCall", e.secondaryOldCall())
                    .device("conferencingDevice", e.conferencingDevice()).device("addedParty", e.addedParty())
                    .items("conferenceConnections", e.connections()).state(local).cause("conference").data(e.data(), queueId).xml;
            case CallEvent.Diverted e -> start("DivertedEvent", namespace, crossRefId)
                    .connection("connection", e.connection()).device("divertingDevice", e.divertingDevice())
                    .device("newDestination", e.newDestination()).device("callingDevice", e.callingDevice())
                    .device("calledDevice", e.calledDevice()).device("lastRedirectionDevice", e.lastRedirection())
                    .state(local).cause(e.cause().wireName()).data(e.data(), queueId).xml;
            case CallEvent.Failed e -> start("FailedEvent", namespace, crossRefId)
                    .connection("failedConnection", e.failed()).device("failingDevice", e.failingDevice())
                    .device("callingDevice", e.callingDevice()).device("calledDevice", e.calledDevice())
                    .device("lastRedirectionDevice", e.lastRedirection()).state(local).cause(e.cause().wireName()).xml;
            case CallEvent.Queued e -> {
                Writer w = start("QueuedEvent", namespace, crossRefId).connection("queuedConnection", e.queued())
                        .device("queue", e.queue()).device("callingDevice", e.callingDevice())
                        .device("calledDevice", e.calledDevice()).device("lastRedirectionDevice", e.lastRedirection());
                w.xml.leaf("numberQueued", String.valueOf(e.numberQueued()));
                yield w.state(local).cause(e.cause().wireName()).data(e.data(), queueId).xml;
            }
            case CallEvent.CallInformation e -> start("CallInformationEvent", namespace, crossRefId)
                    .connection("connection", e.connection()).device("device", e.device()).data(e.data(), queueId).xml;
        };
        return xml.finish();
    }

    /** {@code queueOfDevice}: queue id of a queue device (od:queue beside acdGroup). */
    static String agent(String namespace, String crossRefId, AgentEvent event, Function<String, Optional<String>> queueOfDevice) {
        return switch (event) {
            case AgentEvent.LoggedOn e -> agentStart("AgentLoggedOnEvent", namespace, crossRefId, e).finish();
            case AgentEvent.LoggedOff e -> reason(agentStart("AgentLoggedOffEvent", namespace, crossRefId, e), e.reasonCode(),
                    Optional.empty()).finish();
            case AgentEvent.Ready e -> reason(agentStart("AgentReadyEvent", namespace, crossRefId, e), Optional.empty(),
                    e.workMode()).finish();
            case AgentEvent.NotReady e -> reason(agentStart("AgentNotReadyEvent", namespace, crossRefId, e), e.reasonCode(),
                    e.workMode()).finish();
            case AgentEvent.Busy e -> pending(agentStart("AgentBusyEvent", namespace, crossRefId, e), e.acdGroup(), e.pending(),
                    e.acdGroup().flatMap(queueOfDevice)).finish();
            case AgentEvent.WorkingAfterCall e -> pending(agentStart("AgentWorkingAfterCallEvent", namespace, crossRefId, e),
                    e.acdGroup(), e.pending(), e.acdGroup().flatMap(queueOfDevice)).finish();
        };
    }

    private static XmlWriter agentStart(String name, String namespace, String crossRefId, AgentEvent event) {
        XmlWriter xml = new XmlWriter(name, namespace).leaf("monitorCrossRefID", crossRefId);
        xml.start("agentDevice").leaf("deviceIdentifier", event.device()).end();
        return xml.leaf("agentID", event.agentId());
    }

    private static XmlWriter reason(XmlWriter xml, Optional<String> reasonCode, Optional<WorkMode> workMode) {
        if (reasonCode.isPresent() || workMode.isPresent())
            PrivateData.write(xml, p -> {
                reasonCode.ifPresent(reason -> PrivateData.text(p, "reasonCode", reason));
                workMode.ifPresent(mode -> PrivateData.text(p, "workMode", mode.wireName()));
            });
        return xml;
    }

    private static XmlWriter pending(XmlWriter xml, Optional<String> acdGroup, Optional<PendingState> pending,
                                     Optional<String> queueId) {
        acdGroup.ifPresent(group -> xml.leaf("acdGroup", group));
        pending.ifPresent(p -> xml.leaf("pendingAgentState", p.state().wireName()));
        Optional<String> pendingReason = pending.flatMap(PendingState::reasonCode);
        if (pendingReason.isPresent() || queueId.isPresent())
            PrivateData.write(xml, p -> {
                pendingReason.ifPresent(reason -> PrivateData.text(p, "pendingReasonCode", reason));
                queueId.ifPresent(queue -> PrivateData.text(p, "queue", queue));
            });
        return xml;
    }

    private static Writer start(String name, String namespace, String crossRefId) {
        return new Writer(new XmlWriter(name, namespace).leaf("monitorCrossRefID", crossRefId));
    }

    /** Fluent helpers over the element shapes events share. */
    private record Writer(XmlWriter xml) {

        Writer connection(String name, ConnectionId connection) {
            xml.start(name).leaf("callID", connection.callId()).leaf("deviceID", connection.deviceId()).end();
            return this;
        }

        Writer device(String name, String device) {
            xml.start(name).leaf("deviceIdentifier", device).end();
            return this;
        }

        Writer device(String name, Optional<String> device) {
            if (device.isPresent())
                return device(name, device.get());
            xml.start(name).empty("notKnown").end();
            return this;
        }

        Writer state(ConnectionState state) {
            xml.leaf("localConnectionInfo", state.wireName());
            return this;
        }

        Writer cause(String cause) {
            xml.leaf("cause", cause);
            return this;
        }

        Writer items(String name, List<ConnectionListItem> items) {
            xml.start(name);
            for (ConnectionListItem item : items) {
                xml.start("connectionListItem");
                connection("newConnection", item.newConnection());
                item.oldConnection().ifPresent(old -> connection("oldConnection", old));
                xml.start("endpoint").leaf("deviceID", item.endpoint()).end();
                xml.end();
            }
            xml.end();
            return this;
        }

        Writer data(CallData data, Optional<String> queueId) {
            if (!data.isEmpty() || queueId.isPresent())
                PrivateData.write(xml, p -> {
                    queueId.ifPresent(queue -> PrivateData.text(p, "queue", queue));
                    if (!data.isEmpty())
                        PrivateData.callData(p, data, Optional.empty());
                });
            return this;
        }
    }
}
