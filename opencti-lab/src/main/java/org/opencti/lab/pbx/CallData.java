package org.opencti.lab.pbx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/** Data attached to a call (key/value, in insertion order), e.g. {@code accountId}. */
public record CallData(SequencedMap<String, String> items) {

    public static final CallData EMPTY = new CallData(new LinkedHashMap<>());

    public CallData {
        items = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(items));
    }

    public static CallData of(Map<String, String> items) {
        return new CallData(new LinkedHashMap<>(items));
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** These items overwritten and extended by {@code changes}; a change with an empty value removes its key. */
    public CallData merge(CallData changes) {
        LinkedHashMap<String, String> merged = new LinkedHashMap<>(items);
        changes.items.forEach((key, value) -> {
            if (value.isEmpty())
                merged.remove(key);
            else
                merged.put(key, value);
        });
        return new CallData(merged);
    }
}
