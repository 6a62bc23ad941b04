package org.opencti.lab.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.opencti.lab.acd.Acd;
import org.opencti.lab.pbx.CstaError;
import org.opencti.lab.pbx.CstaException;
import org.opencti.lab.pbx.Pbx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one request frame on the event loop: parse, decode, execute against the PBX and ACD, answer with the
 * frame's invokeID. Every refusal becomes a CSTAErrorCode and the connection stays up.
 */
final class ServiceDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ServiceDispatcher.class);
    static final int DEFAULT_SESSION_SECONDS = 180;

    private final Pbx pbx;
    private final Acd acd;
    private final Monitors monitors;
    private final Supplier<Instant> sessionTime;
    private long nextSessionId = 1;

    ServiceDispatcher(Pbx pbx, Acd acd, Monitors monitors, Supplier<Instant> sessionTime) {
        this.pbx = pbx;
        this.acd = acd;
        this.monitors = monitors;
        this.sessionTime = sessionTime;
    }

    void handle(CstaSession session, Frame frame) {
        handle(session, frame.invokeId(), frame.body());
    }

    /** Serves one message; {@code invokeId} empty = the client gave none (WebSocket only). */
    void handle(CstaSession session, String invokeId, byte[] body) {
        String namespace = session.namespace;
        String xml = new String(body, StandardCharsets.UTF_8);
        monitors.logMessage("in", session.connection, invokeId, xml);
        String answer;
        try {
            XmlElement message = XmlReader.parse(body);
            namespace = responseNamespace(session, message);
            answer = execute(session, CstaRequestDecoder.decode(message), namespace).orElse(null);
        } catch (MalformedXmlException e) {
            answer = CstaResponseEncoder.error(namespace, CstaError.GENERIC, e.getMessage());
        } catch (CstaException e) {
            answer = CstaResponseEncoder.error(namespace, e.error(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Lab failed to serve invokeID {}: {}", invokeId, xml, e);
            answer = CstaResponseEncoder.error(namespace, CstaError.GENERIC,
                    "The lab failed to serve this request (" + e + "); please report it");
        }
        if (answer != null) {
            monitors.logMessage("out", session.connection, invokeId, answer);
            session.send(invokeId, answer);
        }
        if (session.stopping)
            session.connection.closeAfterWrites();
    }

    private static String responseNamespace(CstaSession session, XmlElement message) {
        String namespace = message.namespace();
        if (namespace.equals(Namespaces.CSTA_ED3) || namespace.equals(Namespaces.CSTA_ED4)) {
            if (session.sessionId.isEmpty())
                session.namespace = namespace;
            return namespace;
        }
        return session.namespace;
    }

    private Optional<String> execute(CstaSession session, CstaRequest request, String ns) {
        return Optional.ofNullable(switch (request) {
            case CstaRequest.MakeCall r -> CstaResponseEncoder.connection(ns, "MakeCallResponse", "callingDevice",
                    pbx.makeCall(r.callingDevice(), r.calledNumber(), r.data()));
            case CstaRequest.AnswerCall r -> done(ns, "AnswerCallResponse", () -> pbx.answer(r.connection()));
            case CstaRequest.ClearConnection r -> done(ns, "ClearConnectionResponse", () -> pbx.clearConnection(r.connection()));
            case CstaRequest.ClearCall r -> done(ns, "ClearCallResponse", () -> pbx.clearCall(r.callId()));
            case CstaRequest.HoldCall r -> done(ns, "HoldCallResponse", () -> pbx.hold(r.connection()));
            case CstaRequest.RetrieveCall r -> done(ns, "RetrieveCallResponse", () -> pbx.retrieve(r.connection()));
            case CstaRequest.AlternateCall r -> done(ns, "AlternateCallResponse", () -> pbx.alternate(r.held(), r.active()));
            case CstaRequest.ConsultationCall r -> CstaResponseEncoder.connection(ns, "ConsultationCallResponse",
                    "initiatedCall", pbx.consult(r.existing(), r.consulted(), r.options(), r.data()));
            case CstaRequest.ReconnectCall r -> done(ns, "ReconnectCallResponse", () -> pbx.reconnect(r.held(), r.active()));
            case CstaRequest.TransferCall r -> CstaResponseEncoder.connection(ns, "TransferCallResponse",
                    "transferredCall", pbx.transfer(r.held(), r.active()));
            case CstaRequest.ConferenceCall r -> CstaResponseEncoder.connection(ns, "ConferenceCallResponse",
                    "conferenceCall", pbx.conference(r.held(), r.active()));
            case CstaRequest.SingleStepTransferCall r -> CstaResponseEncoder.connection(ns,
                    "SingleStepTransferCallResponse", "transferredCall",
                    pbx.singleStepTransfer(r.active(), r.transferredTo(), r.data()));
            case CstaRequest.DeflectCall r -> done(ns, "DeflectCallResponse",
                    () -> pbx.deflect(r.alerting(), r.newDestination(), r.data()));
            case CstaRequest.GenerateDigits r -> done(ns, "GenerateDigitsResponse",
                    () -> pbx.generateDigits(r.connection(), r.digits()));
            case CstaRequest.AssociateData r -> done(ns, "AssociateDataResponse", () -> pbx.associateData(r.connection(), r.data()));
            case CstaRequest.SnapshotDevice r -> CstaResponseEncoder.deviceSnapshot(ns, requireDevice(r.device(), "snapshotObject"),
                    pbx.callsAt(r.device()));
            case CstaRequest.SnapshotCall r -> CstaResponseEncoder.callSnapshot(ns, pbx.snapshot(r.callId())
                    .orElseThrow(() -> new CstaException(CstaError.INVALID_CALL_ID, "Unknown call '" + r.callId()
                            + "' in snapshotObject; expected a current call")));
            case CstaRequest.MonitorStart r -> CstaResponseEncoder.monitorStarted(ns,
                    monitors.start(session, requireDevice(r.device(), "monitorObject")));
            case CstaRequest.MonitorStop r -> {
                if (!monitors.stop(session, r.crossRefId()))
                    throw new CstaException(CstaError.INVALID_CROSS_REF_ID, "Unknown monitorCrossRefID '" + r.crossRefId()
                            + "'; this connection's monitors: " + monitors.of(session));
                yield CstaResponseEncoder.empty(ns, "MonitorStopResponse");
            }
            case CstaRequest.SetAgentState r -> CstaResponseEncoder.agentStateSet(ns,
                    acd.setAgentState(r.device(), r.requested(), r.agentId(), r.password(), r.reasonCode(), r.workMode()));
            case CstaRequest.GetAgentState r -> CstaResponseEncoder.agentState(ns,
                    acd.agentOn(requireDevice(r.device(), "device")));
            case CstaRequest.SystemStatus r -> CstaResponseEncoder.empty(ns, "SystemStatusResponse");
            case CstaRequest.StartApplicationSession r -> startSession(session, r);
            case CstaRequest.ResetApplicationSessionTimer r -> {
                if (session.sessionId.filter(r.sessionId()::equals).isEmpty())
                    yield CstaResponseEncoder.sessionRefused("ResetApplicationSessionTimerNegResponse", "invalidSessionID");
                int duration = r.sessionDuration().orElse(session.durationSeconds);
                if (duration < 10 || duration > 3600)
                    yield CstaResponseEncoder.sessionRefused("ResetApplicationSessionTimerNegResponse", "invalidSessionDuration");
                session.resetTimer(duration, sessionTime.get());
                yield CstaResponseEncoder.sessionTimerReset(duration);
            }
            case CstaRequest.StopApplicationSession r -> {
                if (session.sessionId.filter(r.sessionId()::equals).isEmpty())
                    yield CstaResponseEncoder.sessionRefused("StopApplicationSessionNegResponse", "invalidSessionID");
                session.stopping = true;
                yield CstaResponseEncoder.sessionStopped();
            }
            case CstaRequest.ClientResponse r -> null;
        });
    }

    private String startSession(CstaSession session, CstaRequest.StartApplicationSession request) {
        String version = request.protocolVersions().isEmpty() || request.protocolVersions().contains(Namespaces.CSTA_ED4)
                ? Namespaces.CSTA_ED4
                : request.protocolVersions().contains(Namespaces.CSTA_ED3) ? Namespaces.CSTA_ED3 : "";
        if (version.isEmpty())
            return CstaResponseEncoder.sessionRefused("StartApplicationSessionNegResponse", "requestedProtocolVersionNotSupported");
        int duration = request.sessionDuration().orElse(DEFAULT_SESSION_SECONDS);
        if (duration < 10 || duration > 3600)
            return CstaResponseEncoder.sessionRefused("StartApplicationSessionNegResponse", "invalidSessionDuration");
        String id = String.valueOf(nextSessionId++);
        session.startSession(id, version, duration, sessionTime.get());
        return CstaResponseEncoder.sessionStarted(id, version, duration);
    }

    private String requireDevice(String device, String element) {
        if (!pbx.directory().isMonitorable(device))
            throw new CstaException(CstaError.INVALID_DEVICE_ID, "Unknown device '" + device + "' in " + element
                    + "; expected an extension, a queue device or an external number");
        return device;
    }

    private static String done(String ns, String response, Runnable service) {
        service.run();
        return CstaResponseEncoder.empty(ns, response);
    }
}
