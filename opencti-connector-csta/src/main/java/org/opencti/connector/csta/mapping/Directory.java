package org.opencti.connector.csta.mapping;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.PartyRole;

/**
 * What the connector knows across agents, because one device's events alone cannot say it: which call ids belong
 * to which conversation (a consulted agent learns it from the consulting agent's leg), which devices are queues
 * and which are our agents' devices, and how internal numbers look. Thread-safe.
 */
public final class Directory {
    private final Map<String, CallId> conversations = new ConcurrentHashMap<>();
    private final Set<String> queues = ConcurrentHashMap.newKeySet();
    private final Set<String> agentDevices = ConcurrentHashMap.newKeySet();
    private final Map<String, String> queueIds;
    private final int extensionMaxDigits;

    /**
     * @param queueIds queue device (DNIS) to queue id, for the canonical {@code queue} field; unknown ones show the DN
     * @param extensionMaxDigits dial strings of at most this many characters are internal (extensions, queue DNIS)
     */
    public Directory(Map<String, String> queueIds, int extensionMaxDigits) {
        this.queueIds = Map.copyOf(queueIds);
        this.extensionMaxDigits = extensionMaxDigits;
        queues.addAll(queueIds.keySet());
    }

    public CallId conversationOf(String callId) {
        CallId known = conversations.get(callId);
        return known != null ? known : new CallId(callId);
    }

    public void linkConversation(String callId, CallId conversationId) {
        if (!conversationId.value().equals(callId)) conversations.put(callId, conversationId);
    }

    public void queueSeen(String device) { if (device != null) queues.add(device); }

    public boolean isQueue(String device) { return device != null && queues.contains(device); }

    /** The canonical queue name of a queue device. */
    public String queueName(String device) { return device == null ? null : queueIds.getOrDefault(device, device); }

    public void agentDevice(String device, boolean monitored) {
        if (monitored) agentDevices.add(device);
        else agentDevices.remove(device);
    }

    public boolean isInternal(String dn) { return dn != null && dn.length() <= extensionMaxDigits; }

    public PartyRole role(String dn) {
        if (agentDevices.contains(dn)) return PartyRole.Agent;
        if (isQueue(dn)) return PartyRole.ThirdParty;
        return isInternal(dn) ? PartyRole.Agent : PartyRole.Customer;
    }

    /** The type of a call this device did not place, from the number that placed it. */
    public CallType typeOfIncoming(String callingDevice) {
        return callingDevice == null || !isInternal(callingDevice) ? CallType.Inbound : CallType.Internal;
    }

    public CallType typeOfOutgoing(String calledDevice) {
        return isInternal(calledDevice) ? CallType.Internal : CallType.Outbound;
    }
}
