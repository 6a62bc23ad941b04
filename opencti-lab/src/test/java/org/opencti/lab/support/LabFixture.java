package org.opencti.lab.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.acd.AgentState;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.clock.VirtualClock;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.protocol.XmlElement;

/** A demo lab on a virtual clock and port 0, with one connected test client. */
public abstract class LabFixture {

    public static final String DEMO_HEX = "64656D6F";
    public static final String CUSTOMER = "0612345007";

    protected VirtualClock clock;
    protected ContactCentreLab lab;
    protected CstaTestClient client;

    @BeforeEach
    void startLab() {
        clock = LabClock.virtual(LabOptions.VIRTUAL_EPOCH);
        lab = ContactCentreLab.create(LabConfig.demo(), clock, 42);
        lab.start();
        client = CstaTestClient.connect(lab.cstaPort());
    }

    @AfterEach
    void stopLab() {
        client.close();
        lab.close();
    }

    protected void advance(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    /** Logs the agent on at the device and makes it Ready; returns a monitor of the device (events consumed). */
    protected String readyAgent(String agentId, String device) {
        String monitor = client.monitor(device);
        client.ok(Csta.logOn(device, agentId, DEMO_HEX));
        client.next(monitor, "AgentLoggedOnEvent");
        client.next(monitor, "AgentNotReadyEvent");
        client.ok(Csta.agentState(device, "ready", null));
        client.next(monitor, "AgentReadyEvent");
        assertThat(lab.agent(agentId).state()).isEqualTo(AgentState.READY);
        return monitor;
    }

    /** A customer dials the DNIS through CSTA; returns the new call id. */
    protected String customerCalls(String customer, String dnis) {
        return client.ok(Csta.makeCall(customer, dnis)).text("callingDevice", "callID").orElseThrow();
    }

    /** Customer call to 8001 answered by agent 1001 at 5001; returns the call id (agent monitor consumed to Established). */
    protected String answeredAcdCall(String agentMonitor) {
        String callId = customerCalls(CUSTOMER, "8001");
        client.await(agentMonitor, "DeliveredEvent");
        client.next(agentMonitor, "AgentBusyEvent");
        client.ok(Csta.answer(callId, "5001"));
        client.next(agentMonitor, "EstablishedEvent");
        return callId;
    }

    protected static String text(XmlElement element, String... path) {
        return element.text(path).orElse("(absent: " + String.join("/", path) + ")");
    }

    protected static Optional<String> callDataItem(XmlElement event, String key) {
        return event.descendants("item").stream().filter(i -> key.equals(i.attributes().get("key")))
                .map(i -> i.text().trim()).findFirst();
    }
}
