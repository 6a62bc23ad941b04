package org.opencti.model;

import java.util.regex.Pattern;

/**
 * Directory numbers and dial strings. A destination may be an extension, an external number or a queue DNIS:
 * digits with an optional leading {@code +}, and {@code *} or {@code #} for feature codes.
 */
public final class Dn {
    public static final Pattern DESTINATION = Pattern.compile("\\+?[0-9*#]{1,32}");
    public static final String DESTINATION_ACCEPTED =
            "1 to 32 digits, '*' or '#', with an optional leading '+' (an extension, an external number or a queue DNIS)";
    public static final Pattern DTMF = Pattern.compile("[0-9*#A-Da-d]{1,64}");
    public static final String DTMF_ACCEPTED = "1 to 64 DTMF characters: 0-9, *, #, A-D";

    private Dn() {}

    public static String destination(String field, String value) {
        return Require.matches(field, value, DESTINATION, DESTINATION_ACCEPTED);
    }
}
