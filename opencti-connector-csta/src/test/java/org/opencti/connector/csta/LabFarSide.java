package org.opencti.connector.csta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencti.connector.csta.xml.CstaMessage;
import org.opencti.connector.spi.contract.FarSide;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.callers.ScriptedCall;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.clock.VirtualClock;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.pbx.CallSnapshot;
import org.opencti.model.AgentState;
import org.opencti.model.ConnectionState;

/**
 * The TCK's far side played by the embedded lab on virtual time: customers through the lab's scripted callers,
 * outside numbers through a plain CSTA client, link loss through the lab's own hooks (drop every connection,
 * refuse new ones), and a half-open link through a {@link LinkProxy} the connector connects to. Uses the demo data:
 * agents 1001.. (password demo) at 5001.., queues 8001-8003, outside numbers by their endings.
 */
final class LabFarSide implements FarSide {
    final VirtualClock clock = LabClock.virtual(LabOptions.VIRTUAL_EPOCH);
    final ContactCentreLab lab = ContactCentreLab.create(LabConfig.demo(), clock, 42);
    final LinkProxy proxy;
    private RawCstaClient client;
    private boolean refusing;
    /** Outside hang-ups asked while the lab refused connections: done as soon as it accepts again. */
    private final List<String[]> deferredHangUps = new ArrayList<>();

    LabFarSide() {
        lab.start();
        try {
            proxy = new LinkProxy(lab.cstaPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the connector connects: the proxy in front of the lab. */
    int connectorPort() { return proxy.port(); }

    @Override public DemoAgent agent(int index) { return new DemoAgent(String.valueOf(1001 + index), "demo", String.valueOf(5001 + index)); }

    @Override public String queueDnis(int index) { return String.valueOf(8001 + index); }

    @Override public String answeringNumber(int index) { return "06" + (12345007 + 7 * index); }

    @Override public String unreachableNumber() { return "42"; }

    @Override public String busyNumber() { return "0612340000"; }

    @Override public String neverAnsweringNumber() { return "0612349999"; }

    @Override public Duration ringNoAnswer() { return Duration.ofSeconds(15); }

    @Override public Duration outsideRingTime() { return Duration.ofSeconds(2); }

    @Override public Duration noAnswerTimeout() { return Duration.ofSeconds(30); }

    @Override public Duration wrapTime() { return Duration.ofSeconds(30); }

    @Override public String placeCustomerCall(String customerNumber, String dnis, Map<String, String> callData) {
        return lab.placeCall(ScriptedCall.from(customerNumber, dnis).withData(callData));
    }

    @Override public void outsideAnswers(String callId, String number) {
        expectResponse(farSideRequest("AnswerCall", b -> b.connection("callToBeAnswered", callId, number)), "AnswerCall");
    }

    @Override public synchronized void outsideHangsUp(String callId, String number) {
        if (refusing) {
            deferredHangUps.add(new String[] {callId, number});
            return;
        }
        expectResponse(farSideRequest("ClearConnection", b -> b.connection("connectionToBeCleared", callId, number)), "ClearConnection");
    }

    @Override public void advanceTime(Duration duration) { clock.advance(duration); }

    @Override public AgentTruth truth(String extension) {
        var agent = lab.snapshot().agents().stream().filter(a -> a.device().map(extension::equals).orElse(false)).findFirst();
        if (agent.isEmpty()) return new AgentTruth(AgentState.LoggedOut, null, null, calls(extension));
        AgentState state = switch (agent.get().state()) {
            case LOGGED_OUT -> AgentState.LoggedOut;
            case NOT_READY -> AgentState.NotReady;
            case READY -> AgentState.Ready;
            case BUSY -> AgentState.Busy;
            case WORKING_AFTER_CALL -> AgentState.AfterCallWork;
        };
        AgentState pending = agent.get().pending().map(p -> switch (p.state()) {
            case LOGGED_OUT -> AgentState.LoggedOut;
            case NOT_READY -> AgentState.NotReady;
            case READY -> AgentState.Ready;
            case BUSY -> AgentState.Busy;
            case WORKING_AFTER_CALL -> AgentState.AfterCallWork;
        }).orElse(null);
        String reason = state == AgentState.NotReady ? agent.get().reasonCode().orElse(null) : null;
        return new AgentTruth(state, reason, pending, calls(extension));
    }

    private List<CallTruth> calls(String extension) {
        List<CallTruth> calls = new ArrayList<>();
        for (CallSnapshot call : lab.callsAt(extension)) {
            Map<String, ConnectionState> parties = new LinkedHashMap<>();
            for (CallSnapshot.Party party : call.parties()) {
                ConnectionState state = switch (party.state()) {
                    case INITIATED -> ConnectionState.Initiated;
                    case ALERTING, QUEUED -> ConnectionState.Offering;
                    case CONNECTED -> ConnectionState.Established;
                    case HOLD -> ConnectionState.Held;
                    case NULL, FAIL -> null;
                };
                if (state != null) parties.put(party.device(), state);
            }
            ConnectionState mine = parties.get(extension);
            boolean othersRinging = parties.entrySet().stream().anyMatch(p -> !p.getKey().equals(extension))
                    && parties.entrySet().stream().filter(p -> !p.getKey().equals(extension)).allMatch(p -> p.getValue() == ConnectionState.Offering);
            calls.add(new CallTruth(call.callId(), mine == ConnectionState.Established && othersRinging ? ConnectionState.Alerting : mine, parties));
        }
        return calls;
    }

    @Override public boolean controlsLinks() { return true; }

    @Override public synchronized void dropLinks() {
        refusing = true;
        lab.refuseConnections(true);
        lab.dropAllConnections();
    }

    @Override public synchronized void acceptLinks() {
        refusing = false;
        lab.refuseConnections(false);
        for (String[] hangUp : deferredHangUps) outsideHangsUp(hangUp[0], hangUp[1]);
        deferredHangUps.clear();
    }

    @Override public void makeLinksHalfOpen() { proxy.goSilent(); }

    /** One request on the far side's own connection, opened again if the lab dropped it. */
    private synchronized CstaMessage farSideRequest(String service, java.util.function.Consumer<org.opencti.connector.csta.xml.XmlBuilder> body) {
        for (int attempt = 0; ; attempt++) {
            try {
                if (client == null || client.isClosed()) client = new RawCstaClient(lab.cstaPort());
                return client.request(service, body);
            } catch (IOException e) {
                try {
                    client.close();
                } catch (IOException | RuntimeException ignored) {
                    // a broken socket: replaced on the next attempt
                }
                client = null;
                if (attempt > 0) throw new UncheckedIOException("the far side cannot reach the lab's CSTA port for " + service, e);
            }
        }
    }

    private static void expectResponse(CstaMessage answer, String service) {
        if (!(answer instanceof CstaMessage.Response))
            throw new IllegalStateException("the lab refused the far side's " + service + ": " + answer);
    }

    @Override public void close() {
        try {
            if (client != null) client.close();
            proxy.close();
        } catch (IOException e) {
            // closing test sockets: nothing to recover
        } finally {
            lab.close();
        }
    }
}
