package org.opencti.store;

class H2StoreTablesTest extends StoreTablesContract {
    @Override protected TestDatabase database() { return H2Database.INSTANCE; }
}
