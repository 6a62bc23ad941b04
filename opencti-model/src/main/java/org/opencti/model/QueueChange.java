package org.opencti.model;

/** The {@code name} of a {@code QueueEvent}. */
public enum QueueChange {
    /** A call entered the queue. */
    CallQueued,
    /** A call left the queue; the event says why. */
    CallDequeued
}
