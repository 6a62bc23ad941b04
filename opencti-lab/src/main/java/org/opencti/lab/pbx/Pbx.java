package org.opencti.lab.pbx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opencti.lab.clock.EventLoop;
import org.opencti.lab.config.ExternalNumberRule;
import org.opencti.lab.config.PbxConfig;
import org.opencti.lab.pbx.CallEvent.CallCleared;
import org.opencti.lab.pbx.CallEvent.CallInformation;
import org.opencti.lab.pbx.CallEvent.ConnectionCleared;
import org.opencti.lab.pbx.CallEvent.Delivered;
import org.opencti.lab.pbx.CallEvent.Diverted;
import org.opencti.lab.pbx.CallEvent.Established;
import org.opencti.lab.pbx.CallEvent.Failed;
import org.opencti.lab.pbx.CallEvent.Held;
import org.opencti.lab.pbx.CallEvent.Originated;
import org.opencti.lab.pbx.CallEvent.Queued;
import org.opencti.lab.pbx.CallEvent.Retrieved;
import org.opencti.lab.pbx.CallEvent.ServiceInitiated;

/**
 * The switching function: calls, connections and the call-control services of ECMA-269. Every public method
 * runs on the event loop, validates completely before changing anything (a refusal is a {@link CstaException}
 * and leaves no trace) and reports what happened through the {@link CallEventSink}. Call ids are a counter.
 */
public final class Pbx {

    private static final Pattern DTMF = Pattern.compile("[0-9*#A-D]{1,32}");

    final EventLoop loop;
    final DeviceDirectory directory;
    final CallEventSink sink;
    final Map<String, Call> calls = new LinkedHashMap<>();
    final CallIndex index = new CallIndex();
    /** Calls that vanished into another by transfer or conference: old id -> resulting id, while that call lives. */
    private final Map<String, String> mergedInto = new HashMap<>();
    /** The reverse of {@link #mergedInto}: resulting id -> the ids merged into it, pruned when it clears. */
    private final Map<String, List<String>> mergedFrom = new HashMap<>();
    private final PbxConfig settings;
    private final Map<String, QueueCounters> counters = new HashMap<>();
    private long nextCallId = 1;
    private long callsCleared;
    private long callsMerged;
    private long queueTail;
    private long queueHead;
    final Transfers transfers = new Transfers(this);

    public Pbx(EventLoop loop, DeviceDirectory directory, CallEventSink sink) {
        this(loop, directory, sink, PbxConfig.DEFAULT);
    }

    public Pbx(EventLoop loop, DeviceDirectory directory, CallEventSink sink, PbxConfig settings) {
        this.loop = loop;
        this.directory = directory;
        this.sink = sink;
        this.settings = settings;
    }

    public DeviceDirectory directory() {
        return directory;
    }

    // ---- services -------------------------------------------------------------------------------------------

    public ConnectionId makeCall(String callingDevice, String calledNumber, CallData data) {
        if (!directory.isExtension(callingDevice) && !directory.isExternal(callingDevice))
            throw new CstaException(CstaError.INVALID_CALLING_DEVICE, "Cannot place a call from '" + callingDevice
                    + "' in callingDevice; expected an extension or an external number");
        if (calledNumber.equals(callingDevice))
            throw new CstaException(CstaError.INVALID_DESTINATION, "Cannot call '" + calledNumber + "' from itself");
        Destination destination = directory.resolve(calledNumber, "calledDirectoryNumber");
        Call call = newCall(callingDevice, calledNumber, data);
        originate(call, callingDevice, EventCause.MAKE_CALL);
        deliver(call, destination, EventCause.NEW_CALL);
        return call.connection(callingDevice);
    }

    public void answer(ConnectionId connection) {
        Call call = requireState(connection, "callToBeAnswered", ConnectionState.ALERTING);
        establish(call, connection.deviceId());
    }

    public void clearConnection(ConnectionId connection) {
        Call call = requireState(connection, "connectionToBeCleared", ConnectionState.INITIATED,
                ConnectionState.ALERTING, ConnectionState.CONNECTED, ConnectionState.HOLD, ConnectionState.FAIL);
        String device = connection.deviceId();
        boolean offeredByAcd = call.offeredTo.filter(device::equals).isPresent();
        call.remove(device);
        emit(new ConnectionCleared(connection, device, EventCause.NORMAL_CLEARING), call, device);
        if (offeredByAcd) {
            call.offeredTo = Optional.empty();
            enqueue(call, call.queueDevice.orElseThrow(), true, EventCause.CALL_NOT_ANSWERED);
        } else {
            clearIfAlone(call, EventCause.NORMAL_CLEARING, Set.of(device));
        }
    }

    public void clearCall(String callId) {
        Call call = call(callId, "callToBeCleared");
        clearAll(call, EventCause.NORMAL_CLEARING, Set.of());
    }

    public void hold(ConnectionId connection) {
        Call call = requireState(connection, "callToBeHeld", ConnectionState.CONNECTED);
        call.put(connection.deviceId(), ConnectionState.HOLD);
        emit(new Held(connection, connection.deviceId(), EventCause.NORMAL), call);
    }

    public void retrieve(ConnectionId connection) {
        Call call = requireState(connection, "callToBeRetrieved", ConnectionState.HOLD);
        call.put(connection.deviceId(), ConnectionState.CONNECTED);
        emit(new Retrieved(connection, connection.deviceId(), EventCause.NORMAL), call);
    }

    public void alternate(ConnectionId held, ConnectionId active) {
        sameDevice(held, active);
        Call heldCall = requireState(held, "heldCall", ConnectionState.HOLD);
        Call activeCall = requireState(active, "activeCall", ConnectionState.CONNECTED);
        activeCall.put(active.deviceId(), ConnectionState.HOLD);
        emit(new Held(active, active.deviceId(), EventCause.ALTERNATE), activeCall);
        heldCall.put(held.deviceId(), ConnectionState.CONNECTED);
        emit(new Retrieved(held, held.deviceId(), EventCause.ALTERNATE), heldCall);
    }

    public ConnectionId consult(ConnectionId existing, String consulted, ConsultOptions options, CallData data) {
        return transfers.consult(existing, consulted, options, data);
    }

    public void reconnect(ConnectionId held, ConnectionId active) {
        transfers.reconnect(held, active);
    }

    public ConnectionId transfer(ConnectionId held, ConnectionId active) {
        return transfers.transfer(held, active);
    }

    public ConnectionId conference(ConnectionId held, ConnectionId active) {
        return transfers.conference(held, active);
    }

    public ConnectionId singleStepTransfer(ConnectionId active, String transferredTo, CallData data) {
        return transfers.singleStepTransfer(active, transferredTo, data);
    }

    public void deflect(ConnectionId alerting, String newDestination, CallData data) {
        transfers.deflect(alerting, newDestination, data);
    }

    public void generateDigits(ConnectionId connection, String digits) {
        Call call = requireState(connection, "connectionToSendDigits", ConnectionState.CONNECTED);
        if (!DTMF.matcher(digits).matches())
            throw new CstaException(CstaError.VALUE_OUT_OF_RANGE, "Cannot send DTMF '" + digits
                    + "' in charactersToSend; expected 1 to 32 of 0-9 * # A-D");
        call.digits.computeIfAbsent(connection.deviceId(), d -> new StringBuilder()).append(digits);
    }

    public void associateData(ConnectionId connection, CallData changes) {
        Call call = requireConnection(connection, "existingCall");
        call.data = call.data.merge(changes);
        emit(new CallInformation(connection, connection.deviceId(), call.data), call);
    }

    // ---- read access ----------------------------------------------------------------------------------------

    public Optional<CallSnapshot> snapshot(String callId) {
        return Optional.ofNullable(calls.get(callId)).map(Call::snapshot);
    }

    public List<CallSnapshot> snapshots() {
        return calls.values().stream().map(Call::snapshot).toList();
    }

    /** The calls a device has a connection on, oldest first. */
    public List<CallSnapshot> callsAt(String device) {
        List<CallSnapshot> snapshots = new ArrayList<>();
        index.callsAt(device).forEach(call -> snapshots.add(call.snapshot()));
        return snapshots;
    }

    public boolean hasConnections(String device) {
        return index.hasCalls(device);
    }

    /** The queue device of a call at the device that it is talking on or holding and that came through the ACD. */
    public Optional<String> acdQueueAt(String device) {
        for (Call call : index.callsAt(device)) {
            ConnectionState state = call.state(device);
            if ((state == ConnectionState.CONNECTED || state == ConnectionState.HOLD) && call.queueDevice.isPresent())
                return call.queueDevice;
        }
        return Optional.empty();
    }

    /** The queue device of any call at the device that came (or is coming) through the ACD. */
    public Optional<String> anyQueueAt(String device) {
        for (Call call : index.callsAt(device))
            if (call.queueDevice.isPresent())
                return call.queueDevice;
        return Optional.empty();
    }

    /** The id of the queue the call waits in or came through (its queue device's queue). */
    public Optional<String> queueIdOf(String callId) {
        Call call = calls.get(callId);
        return call == null ? Optional.empty() : call.queueDevice.flatMap(directory::queueAt).map(q -> q.id());
    }

    /** Calls offered to, answered from and abandoned in the queue at the device since the lab started. */
    public QueueStatistics queueStatistics(String queueDevice) {
        QueueCounters c = counters(queueDevice);
        int pending = 0;
        for (Call call : calls.values())
            if (call.acdPending && call.queueDevice.filter(queueDevice::equals).isPresent())
                pending++;
        return new QueueStatistics(c.offered, c.answered, c.abandoned, pending);
    }

    private QueueCounters counters(String queueDevice) {
        return counters.computeIfAbsent(queueDevice, d -> new QueueCounters());
    }

    /** Devices whose connections changed since the last call (the ACD reconciles just those). */
    public List<String> drainTouchedDevices() {
        return index.drainTouched();
    }

    /** How many calls exist and how many old ids still map to them (both must fall back to zero when idle). */
    public int callCount() {
        return calls.size();
    }

    /** Calls ever created, cleared, and merged into another (by transfer or conference). */
    public long callsCreated() {
        return nextCallId - 1;
    }

    public long callsCleared() {
        return callsCleared;
    }

    public long callsMerged() {
        return callsMerged;
    }

    /** Entries of the transfer-merge map: old ids of calls that still exist. */
    public int mergedIdCount() {
        return mergedInto.size();
    }

    /** Devices the call index still lists; zero once every call has cleared. */
    public int indexedDeviceCount() {
        return index.deviceCount();
    }

    /** The id a call has now: itself, or the call it was transferred or conferenced into. */
    public String currentId(String callId) {
        String id = callId;
        while (mergedInto.containsKey(id))
            id = mergedInto.get(id);
        return id;
    }

    // ---- ACD side -------------------------------------------------------------------------------------------

    /** Calls waiting in the queue at {@code queueDevice}, the one to serve first first. */
    public List<String> waitingCalls(String queueDevice) {
        List<String> ids = new ArrayList<>();
        index.waitingAt(queueDevice).forEach(call -> ids.add(call.id));
        return ids;
    }

    /** The call to serve first at the queue device, if any wait there. */
    public Optional<String> nextWaitingCall(String queueDevice) {
        for (Call call : index.waitingAt(queueDevice))
            return Optional.of(call.id);
        return Optional.empty();
    }

    /** Position key of a waiting call across all queues: smaller is served first (requeued calls first). */
    public long queueOrder(String callId) {
        return calls.get(callId).queueOrder;
    }

    /** The ACD offers a waiting call to an agent's device. */
    public void distribute(String callId, String agentDevice) {
        Call call = calls.get(callId);
        String queue = call.queueDevice.orElseThrow();
        call.remove(queue);
        call.put(agentDevice, ConnectionState.ALERTING);
        call.lastRedirection = Optional.of(queue);
        call.deliveryCause = EventCause.DISTRIBUTED;
        call.offeredTo = Optional.of(agentDevice);
        emit(new Delivered(call.connection(agentDevice), agentDevice, call.callingDevice, call.calledDevice,
                call.lastRedirection, EventCause.DISTRIBUTED, call.data), call, queue);
    }

    /** True while the call still rings at the device because the ACD offered it there. */
    public boolean isOfferedTo(String callId, String agentDevice) {
        Call call = calls.get(currentId(callId));
        return call != null && call.offeredTo.filter(agentDevice::equals).isPresent()
                && call.state(agentDevice) == ConnectionState.ALERTING;
    }

    /** Ring-no-answer: the offer is taken back and the call requeued at the head. */
    public void ringNoAnswer(String callId, String agentDevice) {
        Call call = calls.get(currentId(callId));
        String queue = call.queueDevice.orElseThrow();
        call.remove(agentDevice);
        call.offeredTo = Optional.empty();
        emit(new Diverted(call.connection(agentDevice), agentDevice, queue, call.callingDevice, call.calledDevice,
                call.lastRedirection, EventCause.CALL_NOT_ANSWERED, call.data), call, agentDevice);
        enqueue(call, queue, true, EventCause.CALL_NOT_ANSWERED);
    }

    // ---- building blocks ------------------------------------------------------------------------------------

    Call newCall(String callingDevice, String calledNumber, CallData data) {
        Call call = new Call(nextCallId++, index, callingDevice, calledNumber, data);
        calls.put(call.id, call);
        return call;
    }

    void originate(Call call, String device, EventCause cause) {
        call.put(device, ConnectionState.INITIATED);
        emit(new ServiceInitiated(call.connection(device), device, cause), call);
        call.put(device, ConnectionState.CONNECTED);
        emit(new Originated(call.connection(device), call.callingDevice, call.calledDevice, cause), call);
    }

    void deliver(Call call, Destination destination, EventCause cause) {
        switch (destination) {
            case Destination.Queue queue -> enqueue(call, queue.device(), false,
                    cause == EventCause.NEW_CALL || cause == EventCause.CONSULTATION ? EventCause.ENTERING_DISTRIBUTION : cause);
            case Destination.Extension extension -> ringExtension(call, extension.device(), cause);
            case Destination.External external -> deliverExternal(call, external, cause);
        }
    }

    private void alert(Call call, String device, EventCause cause) {
        call.put(device, ConnectionState.ALERTING);
        call.deliveryCause = cause;
        emit(new Delivered(call.connection(device), device, call.callingDevice, call.calledDevice,
                call.lastRedirection, cause, call.data), call);
    }

    // A plain call to an extension: busy or call waiting, and failed when nobody answers in time. ACD offers
    // do not come this way: the queue's own ring-no-answer applies to them.
    private void ringExtension(Call call, String device, EventCause cause) {
        if (settings.busyExtension() == PbxConfig.BusyExtension.BUSY && index.hasCalls(device)) {
            fail(call, device, EventCause.BUSY);
            return;
        }
        alert(call, device, cause);
        if (settings.ringNoAnswerSeconds() > 0)
            whileRinging(call, device, settings.ringNoAnswerSeconds(), current -> {
                if (current.offeredTo.filter(device::equals).isEmpty())
                    fail(current, device, EventCause.CALL_NOT_ANSWERED);
            });
    }

    private void deliverExternal(Call call, Destination.External external, EventCause cause) {
        String device = external.device();
        ExternalNumberRule rule = external.rule();
        switch (rule.outcome()) {
            case BUSY -> fail(call, device, EventCause.BUSY);
            case ANSWER -> {
                alert(call, device, cause);
                if (rule.ringSeconds() == 0)
                    establish(call, device);
                else
                    whileRinging(call, device, rule.ringSeconds(), current -> establish(current, device));
            }
            case NO_ANSWER -> {
                alert(call, device, cause);
                whileRinging(call, device, rule.ringSeconds(), current -> fail(current, device, EventCause.CALL_NOT_ANSWERED));
            }
        }
    }

    // The timer follows the call through transfers and does nothing once the device stopped ringing.
    private void whileRinging(Call call, String device, int seconds, java.util.function.Consumer<Call> action) {
        String callId = call.id;
        loop.schedule(Duration.ofSeconds(seconds), () -> {
            Call current = calls.get(currentId(callId));
            if (current != null && current.state(device) == ConnectionState.ALERTING)
                action.accept(current);
        });
    }

    private void fail(Call call, String device, EventCause cause) {
        call.put(device, ConnectionState.FAIL);
        emit(new Failed(call.connection(device), device, call.callingDevice, call.calledDevice,
                call.lastRedirection, cause), call);
        call.remove(device);
        clearAll(call, cause, Set.of(device));
    }

    void establish(Call call, String device) {
        if (call.acdPending) {
            call.acdPending = false;
            counters(call.queueDevice.orElseThrow()).answered++;
        }
        call.put(device, ConnectionState.CONNECTED);
        call.offeredTo = Optional.empty();
        emit(new Established(call.connection(device), device, call.callingDevice, call.calledDevice,
                call.lastRedirection, call.deliveryCause, call.data), call);
    }

    void enqueue(Call call, String queueDevice, boolean atHead, EventCause cause) {
        if (!call.acdPending) {
            call.acdPending = true;
            counters(queueDevice).offered++;
        }
        call.queueDevice = Optional.of(queueDevice);
        call.queueOrder = atHead ? --queueHead : ++queueTail;
        call.put(queueDevice, ConnectionState.QUEUED);
        emit(new Queued(call.connection(queueDevice), queueDevice, call.callingDevice, call.calledDevice,
                call.lastRedirection, index.waitingCount(queueDevice), cause, call.data), call);
    }

    /** Clears the call when fewer than two connections remain. */
    void clearIfAlone(Call call, EventCause cause, Set<String> alsoInform) {
        if (call.connections.size() < 2)
            clearAll(call, cause, alsoInform);
    }

    void clearAll(Call call, EventCause cause, Set<String> alsoInform) {
        List<String> informed = new ArrayList<>(alsoInform);
        for (String device : call.devices()) {
            call.remove(device);
            informed.add(device);
            emit(new ConnectionCleared(call.connection(device), device, cause), call, informed.toArray(String[]::new));
        }
        calls.remove(call.id);
        callsCleared++;
        if (call.acdPending) {
            call.acdPending = false;
            counters(call.queueDevice.orElseThrow()).abandoned++;
        }
        for (String old : mergedFrom.getOrDefault(call.id, List.of()))
            mergedInto.remove(old);
        mergedFrom.remove(call.id);
        emit(new CallCleared(call.id, cause), call, informed.toArray(String[]::new));
    }

    void forget(Call merged, Call into) {
        calls.remove(merged.id);
        callsMerged++;
        for (String device : merged.devices())
            merged.remove(device);
        mergedInto.put(merged.id, into.id);
        List<String> alias = mergedFrom.computeIfAbsent(into.id, id -> new ArrayList<>());
        alias.add(merged.id);
        for (String older : mergedFrom.getOrDefault(merged.id, List.of())) {
            mergedInto.put(older, into.id);
            alias.add(older);
        }
        mergedFrom.remove(merged.id);
    }

    /** Sends an event to every device on the call plus {@code alsoInform}, each with its own state after it. */
    void emit(CallEvent event, Call call, String... alsoInform) {
        Map<String, ConnectionState> audience = new LinkedHashMap<>(call.connections);
        for (String device : alsoInform)
            audience.putIfAbsent(device, call.state(device));
        sink.publish(event, audience);
    }

    // ---- validation -----------------------------------------------------------------------------------------

    Call call(String callId, String element) {
        Call call = calls.get(callId);
        if (call == null)
            throw new CstaException(CstaError.INVALID_CALL_ID, "Unknown call '" + callId + "' in " + element
                    + "; current calls: " + (calls.isEmpty() ? "none" : String.join(", ", calls.keySet())));
        return call;
    }

    Call requireConnection(ConnectionId connection, String element) {
        Call call = call(connection.callId(), element);
        if (!call.connections.containsKey(connection.deviceId()))
            throw new CstaException(CstaError.INVALID_CONNECTION_ID, "Device '" + connection.deviceId()
                    + "' has no connection on call " + call.id + " in " + element + "; devices on the call: "
                    + String.join(", ", call.devices()));
        return call;
    }

    Call requireState(ConnectionId connection, String element, ConnectionState... allowed) {
        Call call = requireConnection(connection, element);
        ConnectionState state = call.state(connection.deviceId());
        for (ConnectionState candidate : allowed)
            if (candidate == state)
                return call;
        throw new CstaException(CstaError.INVALID_OBJECT_STATE, "Connection " + connection + " in " + element
                + " is " + state.wireName() + "; expected " + String.join(" or ",
                java.util.Arrays.stream(allowed).map(ConnectionState::wireName).toList()));
    }

    static void sameDevice(ConnectionId held, ConnectionId active) {
        if (!held.deviceId().equals(active.deviceId()))
            throw new CstaException(CstaError.INVALID_CONNECTION_ID, "heldCall " + held + " and activeCall " + active
                    + " are at different devices; expected two calls at one device");
        if (held.callId().equals(active.callId()))
            throw new CstaException(CstaError.INVALID_CALL_ID, "heldCall and activeCall are both call "
                    + held.callId() + "; expected two different calls");
    }
}
