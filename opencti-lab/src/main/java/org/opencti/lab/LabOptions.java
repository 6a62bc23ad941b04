package org.opencti.lab;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a lab standalone or embedded: {@code ./opencti lab [--config FILE] [--csta-port N]
 * [--virtual-time --seed N]} maps onto these fields one to one.
 *
 * @param config      the YAML configuration; empty = the built-in demo
 * @param bindAddress where the CSTA port listens (default loopback)
 * @param cstaPort    TCP port for CSTA III XML; 0 = any free port
 * @param virtualTime a virtual clock starting at {@link #VIRTUAL_EPOCH}, moved only by its owner
 * @param seed        the seed of the lab's random choices
 */
public record LabOptions(Optional<Path> config, String bindAddress, int cstaPort, boolean virtualTime, long seed) {

    public static final int DEFAULT_CSTA_PORT = 4720;
    public static final Instant VIRTUAL_EPOCH = Instant.parse("2026-01-05T08:00:00Z");

    public LabOptions {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (cstaPort < 0 || cstaPort > 65535)
            throw new IllegalArgumentException("--csta-port " + cstaPort + " is not a TCP port; expected 0 (any free port) to 65535");
    }

    public static LabOptions defaults() {
        return new LabOptions(Optional.empty(), "127.0.0.1", DEFAULT_CSTA_PORT, false, 1L);
    }

    public LabOptions withConfig(Path file) {
        return new LabOptions(Optional.of(file), bindAddress, cstaPort, virtualTime, seed);
    }

    public LabOptions withCstaPort(int port) {
        return new LabOptions(config, bindAddress, port, virtualTime, seed);
    }

    public LabOptions withBindAddress(String address) {
        return new LabOptions(config, address, cstaPort, virtualTime, seed);
    }

    public LabOptions withVirtualTime(long seed) {
        return new LabOptions(config, bindAddress, cstaPort, true, seed);
    }
}
