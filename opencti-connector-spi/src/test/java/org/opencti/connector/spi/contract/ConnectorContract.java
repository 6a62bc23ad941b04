package org.opencti.connector.spi.contract;

/**
 * The conformance kit every {@link org.opencti.connector.spi.CtiConnector} passes. A connector's test implements
 * this interface and provides {@link #subject()} (the connector started against a far side it can drive, usually
 * the lab over a real socket); the default {@code @Test} methods do the rest:
 * {@snippet :
 * class CstaConnectorTest implements ConnectorContract {
 *     private ContractSubject subject;
 *     @BeforeEach void start() { subject = ContractSubject.start(new LabFarSide(), () -> connectorTo(lab)); }
 *     @AfterEach void stop() { subject.close(); }
 *     @Override public ContractSubject subject() { return subject; }
 * }
 * }
 * Requests the connector does not declare in {@code capabilities()} are skipped (JUnit assumptions), never passed.
 */
public interface ConnectorContract extends AgentStateContract, InboundCallContract, OutboundCallContract,
        ConsultContract, InvalidStateContract, LinkContract {
}
