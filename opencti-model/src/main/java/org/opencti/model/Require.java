package org.opencti.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Argument checks for the compact constructors of the model's records. Each message names the field, the
 * bad value and what is accepted, because these messages reach integrators as {@code OPENCTI_BAD_REQUEST}.
 */
public final class Require {
    private static final int MAX_CALL_DATA_ENTRIES = 64;
    private static final int MAX_CALL_DATA_VALUE = 4096;

    private Require() {}

    public static <T> T present(String field, T value) {
        if (value == null) throw new IllegalArgumentException(field + " is required");
        return value;
    }

    public static String nonBlank(String field, String value) {
        if (value == null || value.isBlank())
            throw new IllegalArgumentException(field + " must be a non-blank string, got " + quote(value));
        return value;
    }

    /** Null stays null (an absent optional field); anything else must be non-blank. */
    public static String optionalNonBlank(String field, String value) {
        return value == null ? null : nonBlank(field, value);
    }

    public static String matches(String field, String value, Pattern pattern, String accepted) {
        nonBlank(field, value);
        if (!pattern.matcher(value).matches())
            throw new IllegalArgumentException(field + " " + quote(value) + " is not valid; expected " + accepted);
        return value;
    }

    public static long positive(String field, long value) {
        if (value < 1) throw new IllegalArgumentException(field + " must be 1 or more, got " + value);
        return value;
    }

    public static <T> List<T> list(String field, List<T> values) {
        if (values == null) return List.of();
        for (int i = 0; i < values.size(); i++)
            if (values.get(i) == null) throw new IllegalArgumentException(field + "[" + i + "] must not be null");
        return List.copyOf(values);
    }

    /** Call data: string keys and string values, at most 64 entries of at most 4096 characters each. */
    public static Map<String, String> callData(String field, Map<String, String> data) {
        if (data == null) return Map.of();
        if (data.size() > MAX_CALL_DATA_ENTRIES)
            throw new IllegalArgumentException(field + " has " + data.size() + " entries; at most "
                    + MAX_CALL_DATA_ENTRIES + " are accepted");
        data.forEach((key, value) -> {
            if (key == null || key.isBlank())
                throw new IllegalArgumentException(field + " keys must be non-blank strings, got " + quote(key));
            if (value == null)
                throw new IllegalArgumentException(field + "." + key + " must be a string, got null");
            if (value.length() > MAX_CALL_DATA_VALUE)
                throw new IllegalArgumentException(field + "." + key + " is " + value.length()
                        + " characters long; at most " + MAX_CALL_DATA_VALUE + " are accepted");
        });
        return Map.copyOf(data);
    }

    static String quote(Object value) {
        return value == null ? "null" : "'" + value + "'";
    }

}
