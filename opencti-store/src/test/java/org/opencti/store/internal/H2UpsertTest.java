package org.opencti.store.internal;

import org.opencti.store.H2Database;
import org.opencti.store.TestDatabase;

class H2UpsertTest extends UpsertContract {
    @Override protected TestDatabase database() { return H2Database.INSTANCE; }
}
