package org.opencti.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One row waiting in the {@link WriteBuffer}. A newer write with the same key replaces it there. */
public record PendingWrite<R>(Table<R> table, String id, R row) {
    String key() {
        return table.name() + '/' + id;
    }

    void bind(PreparedStatement statement) throws SQLException {
        table.binder().bind(statement, row);
    }
}
