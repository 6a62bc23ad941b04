package org.opencti.lab.callers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A customer call the lab places by itself: {@code from} dials {@code dialled} (usually a DNIS) with call data.
 * The caller hangs up if no extension has answered within {@code patience} (abandon), and {@code talkTime}
 * after an extension answered. {@link Duration#ZERO} means never.
 */
public record ScriptedCall(String from, String dialled, Map<String, String> callData, Duration patience, Duration talkTime) {

    public ScriptedCall {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(dialled, "dialled");
        callData = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(callData));
        if (patience.isNegative() || talkTime.isNegative())
            throw new IllegalArgumentException("patience and talkTime must be zero (never) or positive, got "
                    + patience + " and " + talkTime);
    }

    /** A caller who waits for ever and never hangs up. */
    public static ScriptedCall from(String from, String dialled) {
        return new ScriptedCall(from, dialled, Map.of(), Duration.ZERO, Duration.ZERO);
    }

    public ScriptedCall withData(Map<String, String> data) {
        return new ScriptedCall(from, dialled, data, patience, talkTime);
    }

    public ScriptedCall abandoningAfter(Duration patience) {
        return new ScriptedCall(from, dialled, callData, patience, talkTime);
    }

    public ScriptedCall talkingFor(Duration talkTime) {
        return new ScriptedCall(from, dialled, callData, patience, talkTime);
    }
}
