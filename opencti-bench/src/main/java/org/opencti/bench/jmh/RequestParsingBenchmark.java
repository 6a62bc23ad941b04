package org.opencti.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.opencti.model.ErrorCode;
import org.opencti.model.json.CtiJson;
import org.opencti.model.request.CtiRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A request as the gateway reads every one it receives: the frame's JSON, then {@code CtiJson.parseRequest}, which
 * validates against the v1 JSON Schema (re-serialising the node for the validator) before decoding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestParsingBenchmark {
    private static final String ANSWER_CALL = "{\"op\":\"request\",\"id\":\"r-7\",\"request\":{\"type\":\"answerCall\",\"callId\":\"c-7\"}}";

    @Benchmark public CtiRequest answerCallFrame() {
        return CtiJson.parseRequest(CtiJson.readTree(ANSWER_CALL, ErrorCode.OPENCTI_BAD_REQUEST).get("request"));
    }
}
