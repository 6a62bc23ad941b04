package org.opencti.connector.spi;

import java.util.List;

/** A connector's configuration is wrong; the message lists every problem with the property, value and what is accepted. */
public class InvalidConfigException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidConfigException(String connectorType, List<String> problems) {
        super("Invalid configuration of connector '" + connectorType + "':\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
