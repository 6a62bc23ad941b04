package org.opencti.lab;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How to run a lab standalone or embedded: {@code ./opencti lab [--config FILE] [--csta-port N] [--ws-port N]
 * [--virtual-time --seed N] [--traffic|--no-traffic] [--call-rate R] [--simulated-agents N] [--event-log FILE]}
 * maps onto these fields one to one.
 *
 * @param config          the YAML configuration; empty = the built-in demo
 * @param bindAddress     where the CSTA ports listen (default loopback)
 * @param cstaPort        TCP port for CSTA III XML; 0 = any free port
 * @param virtualTime     a virtual clock starting at {@link #VIRTUAL_EPOCH}, moved only by its owner
 * @param seed            the seed of the lab's random choices
 * @param traffic         random callers on or off; empty = the configuration's {@code traffic.enabled}
 * @param callsPerSecond  total arrival rate over all queues, scaling the profile; empty = as configured
 * @param simulatedAgents how many agents the lab works itself (the last ones configured); empty = the configuration's
 *                        {@code traffic.simulatedAgents}
 * @param webSocketPort   port of the WebSocket endpoint {@code /csta}; 0 = any free port; empty = no endpoint
 * @param eventLog        file to write the event log to (see {@code EventLog}); empty = none
 */
public record LabOptions(Optional<Path> config, String bindAddress, int cstaPort, boolean virtualTime, long seed,
                         Optional<Boolean> traffic, OptionalDouble callsPerSecond, OptionalInt simulatedAgents,
                         OptionalInt webSocketPort, Optional<Path> eventLog) {

    public static final int DEFAULT_CSTA_PORT = 4720;
    public static final int DEFAULT_WEBSOCKET_PORT = 4725;
    public static final Instant VIRTUAL_EPOCH = Instant.parse("2026-01-05T08:00:00Z");

    public LabOptions {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(callsPerSecond, "callsPerSecond");
        Objects.requireNonNull(simulatedAgents, "simulatedAgents");
        Objects.requireNonNull(webSocketPort, "webSocketPort");
        Objects.requireNonNull(eventLog, "eventLog");
        if (cstaPort < 0 || cstaPort > 65535)
            throw new IllegalArgumentException("--csta-port " + cstaPort + " is not a TCP port; expected 0 (any free port) to 65535");
        webSocketPort.ifPresent(port -> {
            if (port < 0 || port > 65535)
                throw new IllegalArgumentException("--ws-port " + port + " is not a TCP port; expected 0 (any free port) to 65535");
        });
        callsPerSecond.ifPresent(rate -> {
            if (!(rate > 0 && rate <= 1000))
                throw new IllegalArgumentException("--call-rate " + rate + " is out of range; expected calls per second above 0, at most 1000");
        });
        simulatedAgents.ifPresent(count -> {
            if (count < 0)
                throw new IllegalArgumentException("--simulated-agents " + count + " is negative; expected 0 or more");
        });
    }

    /** The part-1 shape: no traffic, simulated agents or WebSocket unless the configuration asks. */
    public LabOptions(Optional<Path> config, String bindAddress, int cstaPort, boolean virtualTime, long seed) {
        this(config, bindAddress, cstaPort, virtualTime, seed, Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty());
    }

    /** Loopback, TCP 4720, real time, seed 1, traffic as configured (the demo: off), no WebSocket endpoint. */
    public static LabOptions defaults() {
        return new LabOptions(Optional.empty(), "127.0.0.1", DEFAULT_CSTA_PORT, false, 1L);
    }

    /** {@link #defaults()} plus the WebSocket endpoint on 4725: what {@code ./opencti lab} runs. */
    public static LabOptions standalone() {
        return defaults().withWebSocketPort(DEFAULT_WEBSOCKET_PORT);
    }

    public LabOptions withConfig(Path file) {
        return new LabOptions(Optional.of(file), bindAddress, cstaPort, virtualTime, seed, traffic, callsPerSecond,
                simulatedAgents, webSocketPort, eventLog);
    }

    public LabOptions withCstaPort(int port) {
        return new LabOptions(config, bindAddress, port, virtualTime, seed, traffic, callsPerSecond, simulatedAgents,
                webSocketPort, eventLog);
    }

    public LabOptions withBindAddress(String address) {
        return new LabOptions(config, address, cstaPort, virtualTime, seed, traffic, callsPerSecond, simulatedAgents,
                webSocketPort, eventLog);
    }

    public LabOptions withVirtualTime(long newSeed) {
        return new LabOptions(config, bindAddress, cstaPort, true, newSeed, traffic, callsPerSecond, simulatedAgents,
                webSocketPort, eventLog);
    }

    /** The seed alone (real or virtual time unchanged). */
    public LabOptions withSeed(long newSeed) {
        return new LabOptions(config, bindAddress, cstaPort, virtualTime, newSeed, traffic, callsPerSecond, simulatedAgents,
                webSocketPort, eventLog);
    }

    /** Random callers on ({@code --traffic}) or off ({@code --no-traffic}), whatever the configuration says. */
    public LabOptions withTraffic(boolean on) {
        return new LabOptions(config, bindAddress, cstaPort, virtualTime, seed, Optional.of(on), callsPerSecond,
                simulatedAgents, webSocketPort, eventLog);
    }

    /** {@code --call-rate R}: R calls per second over all queues, in the proportions of the profile. */
    public LabOptions withCallRate(double perSecond) {
        return new LabOptions(config, bindAddress, cstaPort, virtualTime, seed, traffic, OptionalDouble.of(perSecond),
                simulatedAgents, webSocketPort, eventLog);
    }

    /** {@code --simulated-agents N}: the lab works the last N configured agents itself (0 = none). */
    public LabOptions withSimulatedAgents(int count) {
        return new LabOptions(config, bindAddress, cstaPort, virtualTime, seed, traffic, callsPerSecond,
                OptionalInt.of(count), webSocketPort, eventLog);
    }

    /** {@code --ws-port N}: serve CSTA over WebSocket at {@code /csta} on this port (0 = any free port). */
    public LabOptions withWebSocketPort(int port) {
        return new LabOptions(config, bindAddress, cstaPort, virtualTime, seed, traffic, callsPerSecond, simulatedAgents,
                OptionalInt.of(port), eventLog);
    }

    /** {@code --event-log FILE}: write the event log there (replaced if it exists). */
    public LabOptions withEventLog(Path file) {
        return new LabOptions(config, bindAddress, cstaPort, virtualTime, seed, traffic, callsPerSecond, simulatedAgents,
                webSocketPort, Optional.of(file));
    }
}
