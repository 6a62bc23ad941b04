package org.opencti.bench.jmh;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.opencti.model.AgentState;
import org.opencti.model.ConnectionState;
import org.opencti.model.state.Action;
import org.opencti.model.state.AgentOutcome;
import org.opencti.model.state.CallLeg;
import org.opencti.model.state.StateTables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** State-table lookups, made for every request (guard) and every call event (allowed actions). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StateTableBenchmark {
    private final StateTables tables = StateTables.v1();

    @Benchmark public Set<Action> allowedActionsOfAnEstablishedCall() {
        return tables.allowedActions(ConnectionState.Established, CallLeg.ONLY);
    }

    @Benchmark public AgentOutcome agentReadyFromAfterCallWork() {
        return tables.agentOutcome(AgentState.AfterCallWork, Action.AGENT_READY);
    }

    @Benchmark public boolean agentTransitionCheck() {
        return tables.agentTransitionAllowed(AgentState.Busy, AgentState.AfterCallWork);
    }
}
