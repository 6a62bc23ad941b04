package org.opencti.lab.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencti.lab.pbx.CallEvent.Conferenced;
import org.opencti.lab.pbx.CallEvent.ConnectionCleared;
import org.opencti.lab.pbx.CallEvent.ConnectionListItem;
import org.opencti.lab.pbx.CallEvent.Diverted;
import org.opencti.lab.pbx.CallEvent.Held;
import org.opencti.lab.pbx.CallEvent.Retrieved;
import org.opencti.lab.pbx.CallEvent.Transferred;

/**
 * Consultation, reconnection, transfer, conference, single-step transfer and deflection. A transfer or a
 * conference keeps the held (primary) call's id; the consultation call's id disappears into it.
 */
final class Transfers {

    private final Pbx pbx;

    Transfers(Pbx pbx) {
        this.pbx = pbx;
    }

    ConnectionId consult(ConnectionId existing, String consulted, ConsultOptions options, CallData data) {
        Call held = pbx.requireState(existing, "existingCall", ConnectionState.CONNECTED);
        String device = existing.deviceId();
        if (consulted.equals(device) || held.connections.containsKey(consulted))
            throw new CstaException(CstaError.INVALID_DESTINATION, "Cannot consult '" + consulted
                    + "': it is already on call " + held.id + "; expected another device");
        Destination destination = pbx.directory.resolve(consulted, "consultedDevice");
        held.put(device, ConnectionState.HOLD);
        pbx.emit(new Held(existing, device, EventCause.CONSULTATION), held);
        Call consultation = pbx.newCall(device, consulted, held.data.merge(data));
        consultation.consultation = Optional.of(new Call.Consultation(held.id, device, options));
        pbx.originate(consultation, device, EventCause.CONSULTATION);
        pbx.deliver(consultation, destination, EventCause.CONSULTATION);
        return consultation.connection(device);
    }

    void reconnect(ConnectionId held, ConnectionId active) {
        Pbx.sameDevice(held, active);
        Call heldCall = pbx.requireState(held, "heldCall", ConnectionState.HOLD);
        Call activeCall = pbx.requireState(active, "activeCall", ConnectionState.CONNECTED, ConnectionState.INITIATED);
        String device = active.deviceId();
        activeCall.remove(device);
        pbx.emit(new ConnectionCleared(active, device, EventCause.NORMAL_CLEARING), activeCall, device);
        pbx.clearIfAlone(activeCall, EventCause.NORMAL_CLEARING, Set.of(device));
        heldCall.put(device, ConnectionState.CONNECTED);
        pbx.emit(new Retrieved(held, device, EventCause.NORMAL), heldCall);
    }

    ConnectionId transfer(ConnectionId held, ConnectionId active) {
        Pbx.sameDevice(held, active);
        Call primary = pbx.requireState(held, "heldCall", ConnectionState.HOLD);
        Call secondary = pbx.requireState(active, "activeCall", ConnectionState.CONNECTED);
        String device = held.deviceId();
        requireJoinable(primary, secondary, device, "transfer");
        secondary.consultation.filter(c -> c.heldCallId().equals(primary.id) && !c.options().allowsTransfer())
                .ifPresent(c -> refuse("Cannot transfer: consultation call " + secondary.id + " was made with consultOptions "
                        + c.options().wireName() + "; it allows " + allowed(c.options())));
        String transferredTo = secondary.devicesOtherThan(device).getFirst();
        Set<String> fromSecondary = Set.copyOf(secondary.devicesOtherThan(device));
        primary.remove(device);
        secondary.remove(device);
        join(primary, secondary);
        List<ConnectionListItem> items = items(primary, secondary, fromSecondary);
        pbx.forget(secondary, primary);
        pbx.emit(new Transferred(held, Optional.of(active), device, transferredTo, items, EventCause.TRANSFER,
                primary.data, primary.id), primary, device);
        return primary.connection(transferredTo);
    }

    ConnectionId conference(ConnectionId held, ConnectionId active) {
        Pbx.sameDevice(held, active);
        Call primary = pbx.requireState(held, "heldCall", ConnectionState.HOLD);
        Call secondary = pbx.requireState(active, "activeCall", ConnectionState.CONNECTED);
        String device = held.deviceId();
        requireJoinable(primary, secondary, device, "conference");
        for (String other : secondary.devicesOtherThan(device))
            if (secondary.state(other) != ConnectionState.CONNECTED)
                refuse("Cannot conference: " + other + " is " + secondary.state(other).wireName()
                        + " on call " + secondary.id + "; every party must be connected");
        secondary.consultation.filter(c -> c.heldCallId().equals(primary.id) && !c.options().allowsConference())
                .ifPresent(c -> refuse("Cannot conference: consultation call " + secondary.id + " was made with consultOptions "
                        + c.options().wireName() + "; it allows " + allowed(c.options())));
        String added = secondary.devicesOtherThan(device).getFirst();
        Set<String> fromSecondary = Set.copyOf(secondary.devicesOtherThan(device));
        secondary.remove(device);
        primary.put(device, ConnectionState.CONNECTED);
        join(primary, secondary);
        List<ConnectionListItem> items = items(primary, secondary, fromSecondary);
        pbx.forget(secondary, primary);
        pbx.emit(new Conferenced(held, active, device, added, items, primary.data, primary.id), primary);
        return primary.connection(device);
    }

    ConnectionId singleStepTransfer(ConnectionId active, String transferredTo, CallData data) {
        Call call = pbx.requireState(active, "activeCall", ConnectionState.CONNECTED);
        String device = active.deviceId();
        if (call.connections.size() < 2)
            refuse("Cannot transfer call " + call.id + ": " + device + " is alone on it");
        Destination destination = target(call, transferredTo, device, "transferredTo");
        call.remove(device);
        call.data = call.data.merge(data);
        call.lastRedirection = Optional.of(device);
        List<ConnectionListItem> items = new ArrayList<>();
        for (String party : call.devices())
            items.add(new ConnectionListItem(call.connection(party), Optional.of(call.connection(party)), party));
        items.add(new ConnectionListItem(call.connection(destination.device()), Optional.empty(), destination.device()));
        pbx.emit(new Transferred(active, Optional.empty(), device, transferredTo, items,
                EventCause.SINGLE_STEP_TRANSFER, call.data, call.id), call, device, destination.device());
        pbx.deliver(call, destination, EventCause.SINGLE_STEP_TRANSFER);
        return call.connection(destination.device());
    }

    void deflect(ConnectionId alerting, String newDestination, CallData data) {
        Call call = pbx.requireState(alerting, "callToBeDiverted", ConnectionState.ALERTING);
        String device = alerting.deviceId();
        Destination destination = target(call, newDestination, device, "newDestination");
        call.remove(device);
        call.offeredTo = Optional.empty();
        call.data = call.data.merge(data);
        pbx.emit(new Diverted(alerting, device, newDestination, call.callingDevice, call.calledDevice,
                call.lastRedirection, EventCause.REDIRECTED, call.data), call, device);
        call.lastRedirection = Optional.of(device);
        pbx.deliver(call, destination, EventCause.REDIRECTED);
    }

    private Destination target(Call call, String number, String device, String element) {
        Destination destination = pbx.directory.resolve(number, element);
        if (number.equals(device) || call.connections.containsKey(destination.device()))
            throw new CstaException(CstaError.INVALID_DESTINATION, "Cannot send call " + call.id + " to '" + number
                    + "' in " + element + ": it is already on the call");
        return destination;
    }

    private void requireJoinable(Call primary, Call secondary, String device, String what) {
        if (primary.devicesOtherThan(device).isEmpty() || secondary.devicesOtherThan(device).isEmpty())
            refuse("Cannot " + what + ": call " + (primary.devicesOtherThan(device).isEmpty() ? primary.id : secondary.id)
                    + " has no other party");
        for (String other : secondary.devicesOtherThan(device))
            if (primary.connections.containsKey(other))
                refuse("Cannot " + what + ": " + other + " is on both calls " + primary.id + " and " + secondary.id);
    }

    /** Moves the secondary call's remaining parties (and its ACD state) into the primary call. */
    private static void join(Call primary, Call secondary) {
        if (secondary.state(secondary.queueDevice.orElse("")) == ConnectionState.QUEUED || secondary.offeredTo.isPresent()) {
            primary.queueDevice = secondary.queueDevice;
            primary.queueOrder = secondary.queueOrder;
            primary.offeredTo = secondary.offeredTo;
        }
        for (Map.Entry<String, ConnectionState> party : List.copyOf(secondary.connections.entrySet())) {
            secondary.remove(party.getKey());
            primary.put(party.getKey(), party.getValue());
        }
        if (secondary.acdPending) {
            secondary.acdPending = false;
            primary.acdPending = true;
        }
        primary.data = primary.data.merge(secondary.data);
    }

    private static List<ConnectionListItem> items(Call primary, Call secondary, Set<String> fromSecondary) {
        List<ConnectionListItem> items = new ArrayList<>();
        for (String party : primary.devices()) {
            ConnectionId old = fromSecondary.contains(party) ? secondary.connection(party) : primary.connection(party);
            items.add(new ConnectionListItem(primary.connection(party), Optional.of(old), party));
        }
        return items;
    }

    private static String allowed(ConsultOptions options) {
        return options.allowsTransfer() ? "transfer only" : options.allowsConference() ? "conference only" : "neither transfer nor conference";
    }

    private static void refuse(String message) {
        throw new CstaException(CstaError.INVALID_OBJECT_STATE, message);
    }
}
