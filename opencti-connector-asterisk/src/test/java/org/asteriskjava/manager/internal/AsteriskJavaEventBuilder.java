package org.asteriskjava.manager.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.util.ReflectionUtil;

/**
 * Test-only door to asterisk-java's package-private {@code EventBuilderImpl}, the class that turns every AMI event
 * read from the wire into a typed event, so our transcripts are parsed by exactly the code that parses Asterisk.
 */
public final class AsteriskJavaEventBuilder {
    private final EventBuilderImpl builder = new EventBuilderImpl();

    /** The typed event asterisk-java builds from these fields (keys as on the wire), or null for an unknown event. */
    public ManagerEvent build(Map<String, String> fields) {
        Map<String, Object> attributes = new java.util.HashMap<>();
        fields.forEach((k, v) -> attributes.put(k.toLowerCase(Locale.ENGLISH), v));
        return builder.buildEvent(this, attributes);
    }

    /** The fields that asterisk-java has no setter for on {@code type} (it would log and drop them). */
    public static List<String> unknownProperties(Class<?> type, Map<String, String> fields) {
        Map<String, java.lang.reflect.Method> setters = ReflectionUtil.getSetters(type);
        List<String> unknown = new ArrayList<>();
        for (String key : fields.keySet()) {
            String name = ReflectionUtil.stripIllegalCharacters(key.toLowerCase(Locale.ENGLISH));
            if ("event".equals(name)) continue;
            if ("source".equals(name)) name = "src";
            if ("class".equals(name)) name = "clazz";
            boolean plural = !name.endsWith("s") && setters.containsKey(name + "s")
                    && setters.get(name + "s").getParameterTypes()[0].isAssignableFrom(Map.class);
            if (!setters.containsKey(name) && !plural) unknown.add(key);
        }
        return unknown;
    }
}
