package org.opencti.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One row waiting in the {@link WriteBuffer}. A newer write with the same key replaces it there. */
public record PendingWrite<R>(Table<R> table, String id, R row) {
    String key() {
        return table.name() + '/' + id;
    }

    void bindInsert(PreparedStatement statement) throws SQLException {
        table.insert().bind(statement, row);
    }

    void bindUpdate(PreparedStatement statement) throws SQLException {
        table.update().bind(statement, row);
    }
}
