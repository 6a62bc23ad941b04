package org.opencti.model.request;

import org.opencti.model.TelephonyMode;

/**
 * Options of a login. {@code clientSide}: a browser Implementation talks to the CTI server itself, so the
 * platform only checks the user and calls no connector. {@code mode}: the telephony mode (null = {@code full}).
 */
public record LoginOptions(boolean clientSide, TelephonyMode mode) {
    public static final LoginOptions DEFAULTS = new LoginOptions(false, null);

    public TelephonyMode effectiveMode() { return mode == null ? TelephonyMode.FULL : mode; }
}
