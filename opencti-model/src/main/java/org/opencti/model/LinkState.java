package org.opencti.model;

/** The state of the link between OpenCTI and the CTI server. */
public enum LinkState {
    /** Requests are accepted and events flow. */
    Connected,
    /** The link is down; requests fail fast with {@code OPENCTI_LINK_DOWN}. */
    Disconnected,
    /** The link is down and a reconnection is in progress. */
    Reconnecting
}
