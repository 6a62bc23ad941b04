package org.opencti.connector.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.ConnectorLoader;
import org.opencti.connector.spi.contract.ConnectorContract;
import org.opencti.connector.spi.contract.ContractSubject;
import org.opencti.model.LinkState;

/**
 * The TCK with the capabilities this connector declares, against {@link SimulatedAsterisk} over loopback TCP (AMI
 * written in the shapes of the documentation-derived transcripts), both on virtual time. Tests of requests AMI cannot
 * make (answer, hold, consult, conference) are reported skipped.
 */
class AsteriskConnectorTest implements ConnectorContract {
    private ContractSubject subject;
    private SimulatedAsterisk asterisk;

    @BeforeEach
    void start() {
        asterisk = new SimulatedAsterisk();
        subject = ContractSubject.start(asterisk, () -> ConnectorLoader.create(new ConnectorConfig("asterisk-ami", Map.of(
                "host", "127.0.0.1", "port", String.valueOf(asterisk.port()), "username", "opencti", "secret", "s3cret",
                "queues", SimulatedAsterisk.DNIS + "=" + SimulatedAsterisk.QUEUE))));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (subject.connector().linkState() != LinkState.Connected) {
            if (System.nanoTime() > deadline) throw new AssertionError("the connector did not log in to the simulated Asterisk within 5 s");
            Thread.onSpinWait();
        }
    }

    @AfterEach
    void stop() {
        subject.close();
        assertThat(asterisk.vocabularyProblems()).as("AMI the simulation wrote that asterisk-java does not know").isEmpty();
    }

    @Override public ContractSubject subject() { return subject; }
}
