package org.opencti.connector.spi;

/**
 * Creates connectors of one type. Found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/org.opencti.connector.spi.CtiConnectorProvider}; it needs a public no-arg constructor.
 */
public interface CtiConnectorProvider {

    /** The connector type named in configuration, e.g. {@code csta} or {@code asterisk-ami}. */
    String type();

    /**
     * Creates a connector from validated configuration.
     *
     * @throws InvalidConfigException listing every bad property by name, value and what is accepted
     */
    CtiConnector create(ConnectorConfig config);
}
