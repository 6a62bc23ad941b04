package org.opencti.store;

class H2InteractionRecordingTest extends InteractionRecordingContract {
    @Override protected TestDatabase database() { return H2Database.INSTANCE; }
}
