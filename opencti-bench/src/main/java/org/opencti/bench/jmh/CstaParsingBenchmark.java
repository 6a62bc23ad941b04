package org.opencti.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.opencti.connector.csta.framing.Frame;
import org.opencti.connector.csta.xml.CstaDecoder;
import org.opencti.connector.csta.xml.CstaFormatException;
import org.opencti.connector.csta.xml.CstaMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** CSTA III XML parsing on the connector's reader thread: every lab event passes through {@link CstaDecoder#decode}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CstaParsingBenchmark {
    // From the golden vector inbound-acd-call.json (opencti-connector-csta test resources).
    private static final String DELIVERED = "<DeliveredEvent xmlns=\"http://www.ecma-international.org/standards/ecma-323/csta/ed4\">"
            + "<monitorCrossRefID>1</monitorCrossRefID><connection><callID>7</callID><deviceID>5001</deviceID></connection>"
            + "<alertingDevice><deviceIdentifier>5001</deviceIdentifier></alertingDevice><callingDevice><deviceIdentifier>0612345007"
            + "</deviceIdentifier></callingDevice><calledDevice><deviceIdentifier>8001</deviceIdentifier></calledDevice>"
            + "<lastRedirectionDevice><deviceIdentifier>8001</deviceIdentifier></lastRedirectionDevice><localConnectionInfo>alerting"
            + "</localConnectionInfo><cause>distributed</cause><extensions><privateData><private><od:callData xmlns:od=\"urn:opencti:csta:1\">"
            + "<od:item key=\"accountId\">A-1001</od:item><od:item key=\"reason\">billing question</od:item></od:callData></private>"
            + "</privateData></extensions></DeliveredEvent>";
    private static final String AGENT_READY = "<AgentReadyEvent xmlns=\"http://www.ecma-international.org/standards/ecma-323/csta/ed4\">"
            + "<monitorCrossRefID>1</monitorCrossRefID><agentDevice><deviceIdentifier>5001</deviceIdentifier></agentDevice>"
            + "<agentID>1001</agentID></AgentReadyEvent>";

    @Param({"DeliveredEvent", "AgentReadyEvent"})
    public String message;

    @Benchmark public CstaMessage decode() throws CstaFormatException {
        return CstaDecoder.decode(new Frame("9999", message.equals("DeliveredEvent") ? DELIVERED : AGENT_READY));
    }
}
