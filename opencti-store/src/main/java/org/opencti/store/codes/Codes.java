package org.opencti.store.codes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.opencti.store.internal.Jdbc;

/** The configured reason and wrap-up codes, in their configured order. Reads and seeding are synchronous. */
public final class Codes {
    /** Which list a code belongs to; each is a table of its own. */
    public enum Kind {
        /** Why an agent is NotReady (the {@code reasonCode} of agentNotReady and AgentStateEvent). */
        REASON("reason_codes"),
        /** How a call ended for the business (the {@code wrapUpCode} of wrapUp). */
        WRAP_UP("wrap_up_codes");

        private final String table;

        Kind(String table) { this.table = table; }
    }

    private final Jdbc jdbc;

    /** Created by {@link org.opencti.store.Store}. */
    public Codes(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Code> reasonCodes() {
        return list(Kind.REASON);
    }

    public List<Code> wrapUpCodes() {
        return list(Kind.WRAP_UP);
    }

    public List<Code> list(Kind kind) {
        return jdbc.query(kind.table, "SELECT id, label FROM " + kind.table + " ORDER BY sort_order, id", List.of(),
                row -> new Code(row.getString("id"), row.getString("label")));
    }

    /**
     * Inserts or updates each code, in the given order; codes not in the list are left alone. Running it twice
     * with the same list changes nothing.
     */
    public void seed(Kind kind, List<Code> codes) {
        Set<String> ids = new HashSet<>();
        for (Code code : codes)
            if (!ids.add(code.id()))
                throw new IllegalArgumentException(kind + " code '" + code.id() + "' appears twice; ids must be unique");
        jdbc.inTransaction("seed " + kind.table, connection -> upsert(connection, kind.table, codes));
    }

    private static void upsert(Connection connection, String table, List<Code> codes) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                     "UPDATE " + table + " SET label = ?, sort_order = ? WHERE id = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + table + " (label, sort_order, id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < codes.size(); i++) {
                Code code = codes.get(i);
                update.setString(1, code.label());
                update.setInt(2, i);
                update.setString(3, code.id());
                if (update.executeUpdate() == 0) {
                    insert.setString(1, code.label());
                    insert.setInt(2, i);
                    insert.setString(3, code.id());
                    insert.executeUpdate();
                }
            }
        }
    }
}
