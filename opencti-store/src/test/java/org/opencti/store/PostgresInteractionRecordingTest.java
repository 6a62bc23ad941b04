package org.opencti.store;

class PostgresInteractionRecordingTest extends InteractionRecordingContract {
    @Override protected TestDatabase database() { return PostgresDatabase.INSTANCE; }
}
