package org.opencti.lab.config;

/** One bad configuration value: the property path, the value found and what is accepted. */
public record ConfigProblem(String property, String value, String accepted) {
    @Override
    public String toString() {
        return property + " = " + value + ": " + accepted;
    }
}
