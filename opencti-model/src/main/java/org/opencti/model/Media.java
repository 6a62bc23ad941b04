package org.opencti.model;

/** The media channel of an event. v1 knows voice only. */
public enum Media {
    PHONE("phone");

    private final String wireName;

    Media(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }
}
