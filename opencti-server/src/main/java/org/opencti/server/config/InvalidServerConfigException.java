package org.opencti.server.config;

import java.util.List;

/** The server configuration is wrong; the message lists every problem. The server refuses to start. */
public class InvalidServerConfigException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidServerConfigException(String source, List<String> problems) {
        super("Invalid configuration " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
