package org.opencti.store;

class PostgresStoreTablesTest extends StoreTablesContract {
    @Override protected TestDatabase database() { return PostgresDatabase.INSTANCE; }
}
