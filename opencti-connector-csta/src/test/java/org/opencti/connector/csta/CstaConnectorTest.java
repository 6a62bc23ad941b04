package org.opencti.connector.csta;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.ConnectorLoader;
import org.opencti.connector.spi.contract.ConnectorContract;
import org.opencti.connector.spi.contract.ContractSubject;
import org.opencti.model.LinkState;

/** The TCK against the embedded lab over loopback TCP, the lab on virtual time, the connector on virtual time. */
class CstaConnectorTest implements ConnectorContract {
    private ContractSubject subject;

    @BeforeEach
    void start() {
        LabFarSide lab = new LabFarSide();
        subject = ContractSubject.start(lab, () -> ConnectorLoader.create(new ConnectorConfig("csta", Map.of(
                "host", "127.0.0.1", "port", String.valueOf(lab.connectorPort()), "queues", "8001=sales,8002=support,8003=billing"))));
        awaitConnected();
    }

    /** start() returns at once; the TCK's first request needs the link up. */
    private void awaitConnected() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (subject.connector().linkState() != LinkState.Connected) {
            if (System.nanoTime() > deadline) throw new AssertionError("the connector did not connect to the lab within 5 s");
            Thread.onSpinWait();
        }
    }

    @AfterEach
    void stop() {
        subject.close();
    }

    @Override public ContractSubject subject() { return subject; }
}
