package org.opencti.store;

class H2WriterResilienceTest extends WriterResilienceContract {
    @Override protected TestDatabase database() { return H2Database.INSTANCE; }
}
