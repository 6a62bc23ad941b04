package org.opencti.model.state;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The name of every request of the Desktop Interface, as written on the wire ({@code "type"} of a request) and
 * in {@code allowedActions}. Names follow Pega's OpenCTI interface where one exists.
 */
public enum Action {
    LOGIN("login", Scope.AGENT),
    LOGOUT("logout", Scope.AGENT),
    AGENT_READY("agentReady", Scope.AGENT),
    AGENT_NOT_READY("agentNotReady", Scope.AGENT),
    MAKE_CALL("makeCall", Scope.DEVICE),
    ANSWER_CALL("answerCall", Scope.CALL),
    HANG_UP_CALL("hangUpCall", Scope.CALL),
    HOLD_CALL("holdCall", Scope.CALL),
    RETRIEVE_CALL("retrieveCall", Scope.CALL),
    ALTERNATE_CALL("alternateCall", Scope.CALL),
    CONSULTATION_CALL("consultationCall", Scope.CALL),
    TRANSFER_INITIATE("transferInitiate", Scope.CALL),
    TRANSFER_COMPLETE("transferComplete", Scope.CALL),
    BLIND_TRANSFER("blindTransfer", Scope.CALL),
    CONFERENCE_INITIATE("conferenceInitiate", Scope.CALL),
    CONFERENCE_COMPLETE("conferenceComplete", Scope.CALL),
    DROP_PARTY("dropParty", Scope.CALL),
    CANCEL_CONSULT("cancelConsult", Scope.CALL),
    SEND_DTMF("sendDTMF", Scope.CALL),
    SET_CALL_DATA("setCallData", Scope.CALL),
    WRAP_UP("wrapUp", Scope.CALL);

    /** What a request acts on, which decides where its state check is looked up. */
    public enum Scope {
        /** Agent state: checked against the agent-state table. */
        AGENT,
        /** The device as a whole (dialling): needs a logged-in agent. */
        DEVICE,
        /** One call: checked against that call's {@code allowedActions}. */
        CALL
    }

    private static final Map<String, Action> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Action::wireName, Function.identity()));

    private final String wireName;
    private final Scope scope;

    Action(String wireName, Scope scope) {
        this.wireName = wireName;
        this.scope = scope;
    }

    public String wireName() { return wireName; }

    public Scope scope() { return scope; }

    public static Action fromWire(String name) {
        Action action = BY_WIRE_NAME.get(name);
        if (action == null)
            throw new IllegalArgumentException("Unknown request type '" + name + "'; expected one of "
                    + Arrays.stream(values()).map(Action::wireName).collect(Collectors.joining(", ")));
        return action;
    }

    @Override public String toString() { return wireName; }
}
