package org.opencti.store.internal;

import org.opencti.store.PostgresDatabase;
import org.opencti.store.TestDatabase;

class PostgresUpsertTest extends UpsertContract {
    @Override protected TestDatabase database() { return PostgresDatabase.INSTANCE; }
}
