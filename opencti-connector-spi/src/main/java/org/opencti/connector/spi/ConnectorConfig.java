package org.opencti.connector.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A connector's configuration: its type and flat string properties (from YAML or the command line). Read it with
 * a {@link Reader}, which collects every problem and reports them all at once, then seals.
 */
public record ConnectorConfig(String type, Map<String, String> properties) {
    public ConnectorConfig {
        if (type == null || type.isBlank()) throw new IllegalArgumentException("connector type is required");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public Reader reader() { return new Reader(); }

    /** Reads properties, collecting problems; {@link #done()} throws them all, and rejects unknown properties. */
    public final class Reader {
        private final List<String> problems = new ArrayList<>();
        private final Set<String> read = new TreeSet<>();

        private Reader() {}

        public String string(String name, String defaultValue) {
            read.add(name);
            String value = properties.get(name);
            if (value == null) return defaultValue;
            if (value.isBlank()) problems.add(name + " = '" + value + "': must not be blank");
            return value;
        }

        public String required(String name, String accepted) {
            read.add(name);
            String value = properties.get(name);
            if (value == null || value.isBlank()) problems.add(name + " is required: " + accepted);
            return value;
        }

        public int integer(String name, int defaultValue, int min, int max) {
            read.add(name);
            String value = properties.get(name);
            if (value == null) return defaultValue;
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed < min || parsed > max) {
                    problems.add(name + " = " + parsed + ": must be between " + min + " and " + max);
                    return defaultValue;
                }
                return parsed;
            } catch (NumberFormatException e) {
                problems.add(name + " = '" + value + "': must be an integer between " + min + " and " + max);
                return defaultValue;
            }
        }

        public <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
            read.add(name);
            String value = properties.get(name);
            if (value == null) return defaultValue;
            for (E constant : type.getEnumConstants())
                if (constant.name().equalsIgnoreCase(value.trim().replace('-', '_'))) return constant;
            problems.add(name + " = '" + value + "': must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return defaultValue;
        }

        /** Reports every problem found so far, and any property nobody read (a typo), or returns quietly. */
        public void done() {
            properties.keySet().stream().filter(k -> !read.contains(k)).sorted()
                    .forEach(k -> problems.add(k + ": unknown property for connector type '" + type + "'; known: " + read));
            if (!problems.isEmpty()) throw new InvalidConfigException(type, problems);
        }
    }
}
