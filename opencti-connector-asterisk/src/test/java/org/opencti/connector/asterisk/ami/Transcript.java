package org.opencti.connector.asterisk.ami;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An AMI transcript as written in {@code src/test/resources/transcripts/*.ami}: {@code #} comment lines (the first
 * ones name the Asterisk documentation page the sequence follows), then packets of {@code Key: Value} lines separated
 * by blank lines, exactly as on the wire. A packet starting with {@code Action:} is what the connector must send
 * (the listed keys are checked, {@code *} matches any value); {@code Response:} overrides the default
 * {@code Success} answer to the action before it; {@code Event:} packets are played after that answer.
 */
public record Transcript(String name, List<String> header, List<Packet> packets) {

    /** One AMI packet: its fields in order (keys as written). */
    public record Packet(Map<String, String> fields) {
        public String kind() { return fields.keySet().iterator().next(); }

        public String name() { return fields.values().iterator().next(); }

        public String get(String key) {
            for (var field : fields.entrySet()) if (field.getKey().equalsIgnoreCase(key)) return field.getValue();
            return null;
        }

        /** The packet as AMI writes it: CRLF line ends, a blank line after it. */
        public String wire(String actionId, Map<String, String> action) {
            StringBuilder out = new StringBuilder();
            fields.forEach((k, v) -> out.append(k).append(": ").append("$".equals(v) ? actionId
                    : v.replace("{ChannelId}", action.getOrDefault("channelid", "{ChannelId}"))).append("\r\n"));
            return out.append("\r\n").toString();
        }
    }

    public static Transcript load(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Transcript parse(String name, String text) {
        List<String> header = new ArrayList<>();
        List<Packet> packets = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : (text + "\n").split("\r?\n", -1)) {
            lineNumber++;
            if (line.startsWith("#")) {
                header.add(line.substring(1).trim());
                continue;
            }
            if (line.isBlank()) {
                if (!fields.isEmpty()) packets.add(new Packet(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields))));
                fields.clear();
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon <= 0) throw new IllegalArgumentException(name + ":" + lineNumber + ": '" + line + "' is not a 'Key: Value' line");
            fields.put(line.substring(0, colon), line.substring(colon + 2));
        }
        return new Transcript(name, List.copyOf(header), List.copyOf(packets));
    }

    public List<Packet> events() { return packets.stream().filter(p -> p.kind().equalsIgnoreCase("Event")).toList(); }

    public List<Packet> actions() { return packets.stream().filter(p -> p.kind().equalsIgnoreCase("Action")).toList(); }
}
