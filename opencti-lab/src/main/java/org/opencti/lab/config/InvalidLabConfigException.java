package org.opencti.lab.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration was refused; {@link #problems()} lists every bad property, not just the first. */
public final class InvalidLabConfigException extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public InvalidLabConfigException(String source, List<ConfigProblem> problems) {
        super("Invalid lab configuration " + source + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):"
                + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
