package org.opencti.bench.jmh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.json.CtiJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON encoding of events, the gateway's per-delivery cost: the canonical codec's tree plus the {@code op: event}
 * frame around it, as {@code AgentSession} builds it for every delivered event; and parsing one back (what a desktop,
 * and the gateway for forwarded events, does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventJsonBenchmark {
    @Param({"CallStateEvent.offering", "AgentStateEvent.ready", "SnapshotEvent.mid-consult"})
    public String example;

    private CtiEvent event;
    private String frame;

    @Setup public void load() throws IOException {
        try (InputStream in = EventJsonBenchmark.class.getResourceAsStream("/schema/v1/examples/valid/" + example + ".json")) {
            event = CtiJson.parseEvent(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        frame = encodeFrame();
    }

    @Benchmark public String encodeFrame() {
        ObjectNode frame = CtiJson.mapper().createObjectNode();
        frame.put("op", "event");
        frame.set("event", CtiJson.toTree(event));
        return frame.toString();
    }

    @Benchmark public CtiEvent parseEvent() {
        return CtiJson.parseEvent(CtiJson.readTree(frame, org.opencti.model.ErrorCode.OPENCTI_INVALID_EVENT).get("event"));
    }
}
