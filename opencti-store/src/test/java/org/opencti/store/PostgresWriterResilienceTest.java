package org.opencti.store;

class PostgresWriterResilienceTest extends WriterResilienceContract {
    @Override protected TestDatabase database() { return PostgresDatabase.INSTANCE; }
}
