package org.opencti.model.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;

/**
 * The state machines of OpenCTI, loaded from {@code schema/v1/state-tables.json} (the same file the JavaScript
 * Interface imports): what each agent request does in each agent state, which agent-state changes may happen,
 * and which requests each call allows ({@code allowedActions}).
 */
public final class StateTables {
    public static final String RESOURCE = "/schema/v1/state-tables.json";

    private static final StateTables V1 = load();

    private final Map<AgentState, Map<Action, AgentOutcome>> agentRequests;
    private final Map<AgentState, Set<AgentState>> agentTransitions;
    private final Set<AgentState> makeCallStates;
    private final Map<String, Set<Action>> callActions;

    private StateTables(Map<AgentState, Map<Action, AgentOutcome>> agentRequests,
                        Map<AgentState, Set<AgentState>> agentTransitions, Set<AgentState> makeCallStates,
                        Map<String, Set<Action>> callActions) {
        this.agentRequests = agentRequests;
        this.agentTransitions = agentTransitions;
        this.makeCallStates = makeCallStates;
        this.callActions = callActions;
    }

    /** The v1 tables, loaded once. */
    public static StateTables v1() { return V1; }

    /** What an agent-scoped request ({@code login}, {@code logout}, {@code agentReady}, {@code agentNotReady}) does. */
    public AgentOutcome agentOutcome(AgentState current, Action request) {
        if (request.scope() != Action.Scope.AGENT)
            throw new IllegalArgumentException(request + " is not an agent-state request");
        return agentRequests.get(current).get(request);
    }

    /** Whether the agent may ever move from {@code from} to {@code to}, whatever the cause. */
    public boolean agentTransitionAllowed(AgentState from, AgentState to) {
        return agentTransitions.get(from).contains(to);
    }

    /** Agent states in which {@code makeCall} is allowed. */
    public Set<AgentState> makeCallStates() { return makeCallStates; }

    /** The requests a call in {@code state} allows, given where it stands among the device's calls. */
    public Set<Action> allowedActions(ConnectionState state, CallLeg leg) {
        Set<Action> actions = callActions.get(key(state, leg));
        return actions == null ? Set.of() : actions;
    }

    /** Whether the table has a row for this combination (a call can be in it). */
    public boolean knows(ConnectionState state, CallLeg leg) { return callActions.containsKey(key(state, leg)); }

    /**
     * Refuses {@code action} on {@code callId} unless the call allows it, with a message that names the call,
     * its state and the states in which the action is allowed.
     */
    public void checkCallAction(Action action, CallId callId, ConnectionState state, CallLeg leg) {
        if (allowedActions(state, leg).contains(action)) return;
        String needs = Arrays.stream(ConnectionState.values())
                .filter(s -> allowedActions(s, leg).contains(action))
                .map(Enum::name).collect(Collectors.joining(" or "));
        String where = leg.kind() == CallLeg.Kind.ONLY || leg.kind() == CallLeg.Kind.OTHER ? "" : " (" + leg.key() + " leg)";
        throw new CtiException(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE,
                "Cannot " + action + " call " + callId + ": it is " + state + where + "; " + action
                        + (needs.isEmpty() ? " is not allowed on such a call." : " needs " + needs + "."),
                Map.of("callId", callId.value(), "state", state.name(), "leg", leg.key(), "action", action.wireName()));
    }

    private static String key(ConnectionState state, CallLeg leg) { return state + "/" + leg.key(); }

    private static StateTables load() {
        try (InputStream in = StateTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static StateTables parse(JsonNode root) {
        Map<AgentState, Map<Action, AgentOutcome>> requests = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            JsonNode row = required(root.path("agentRequests"), state.name());
            Map<Action, AgentOutcome> outcomes = new EnumMap<>(Action.class);
            for (Action action : Action.values()) {
                if (action.scope() == Action.Scope.AGENT)
                    outcomes.put(action, outcome(required(row, action.wireName()), state, action));
            }
            requests.put(state, Map.copyOf(outcomes));
        }
        Map<AgentState, Set<AgentState>> transitions = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            Set<AgentState> targets = EnumSet.noneOf(AgentState.class);
            required(root.path("agentTransitions"), state.name()).forEach(n -> targets.add(AgentState.valueOf(n.asText())));
            transitions.put(state, Set.copyOf(targets));
        }
        Set<AgentState> makeCall = EnumSet.noneOf(AgentState.class);
        required(root.path("deviceRequests"), "makeCall").forEach(n -> makeCall.add(AgentState.valueOf(n.asText())));
        Map<String, Set<Action>> calls = new HashMap<>();
        root.path("callActions").properties().forEach(entry -> {
            if (entry.getKey().startsWith("$")) return;
            Set<Action> actions = EnumSet.noneOf(Action.class);
            entry.getValue().forEach(n -> actions.add(Action.fromWire(n.asText())));
            calls.put(entry.getKey(), Set.copyOf(actions));
        });
        return new StateTables(Map.copyOf(requests), Map.copyOf(transitions), Set.copyOf(makeCall), Map.copyOf(calls));
    }

    private static AgentOutcome outcome(JsonNode node, AgentState state, Action action) {
        if (node.has("to")) return new AgentOutcome.To(AgentState.valueOf(node.get("to").asText()));
        if (node.has("same")) return new AgentOutcome.Same();
        if (node.has("pending")) return new AgentOutcome.Pending(AgentState.valueOf(node.get("pending").asText()));
        if (node.has("error")) return new AgentOutcome.Refused(ErrorCode.valueOf(node.get("error").asText()));
        throw new IllegalStateException("state-tables.json: agentRequests." + state + "." + action
                + " needs one of to, same, pending, error");
    }

    private static JsonNode required(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null) throw new IllegalStateException("state-tables.json is missing " + field);
        return node;
    }
}
