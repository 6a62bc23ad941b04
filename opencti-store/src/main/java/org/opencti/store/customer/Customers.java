package org.opencti.store.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.opencti.model.Customer;
import org.opencti.store.Page;
import org.opencti.store.internal.Jdbc;

/**
 * The customers table: what the default screen-pop lookup reads. Reads and seeding are synchronous; a lookup
 * by phone compares {@link PhoneKey}s, so national and international forms of a number find each other.
 */
public final class Customers {
    private static final String COLUMNS = "id, name, phone, account_id";

    private final Jdbc jdbc;

    /** Created by {@link org.opencti.store.Store}. */
    public Customers(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every customer whose phone has the same {@link PhoneKey} as {@code ani}, by id; empty for no digits. */
    public List<Customer> byPhone(String ani) {
        Optional<PhoneKey> key = PhoneKey.of(ani);
        if (key.isEmpty()) return List.of();
        return jdbc.query("customers by phone", "SELECT " + COLUMNS + " FROM customers WHERE phone_normalised = ? ORDER BY id",
                List.of(key.get().digits()), Customers::customer);
    }

    /** The customer with this account id (the {@code accountId} call-data key); the lowest id if several share it. */
    public Optional<Customer> byAccountId(String accountId) {
        return jdbc.queryOne("customer by account", "SELECT " + COLUMNS + " FROM customers WHERE account_id = ? ORDER BY id",
                List.of(accountId), Customers::customer);
    }

    public Optional<Customer> byId(String id) {
        return jdbc.queryOne("customer by id", "SELECT " + COLUMNS + " FROM customers WHERE id = ?", List.of(id),
                Customers::customer);
    }

    /** Customers ordered by name, then id. */
    public List<Customer> list(Page page) {
        return jdbc.query("customers", "SELECT " + COLUMNS + " FROM customers ORDER BY name, id LIMIT ? OFFSET ?",
                List.of(page.limit(), page.offset()), Customers::customer);
    }

    /** Inserts or updates each customer by id; running it twice with the same list changes nothing. */
    public void seed(List<Customer> customers) {
        Set<String> ids = new HashSet<>();
        for (Customer customer : customers)
            if (!ids.add(customer.id()))
                throw new IllegalArgumentException("customer id '" + customer.id() + "' appears twice; ids must be unique");
        jdbc.inTransaction("seed customers", connection -> upsert(connection, customers));
    }

    private static void upsert(Connection connection, List<Customer> customers) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                     "UPDATE customers SET name = ?, phone = ?, phone_normalised = ?, account_id = ? WHERE id = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO customers (name, phone, phone_normalised, account_id, id) VALUES (?, ?, ?, ?, ?)")) {
            for (Customer customer : customers) {
                bind(update, customer);
                if (update.executeUpdate() == 0) {
                    bind(insert, customer);
                    insert.executeUpdate();
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, Customer customer) throws SQLException {
        statement.setString(1, customer.name());
        statement.setString(2, customer.phone());
        statement.setString(3, PhoneKey.columnValue(customer.phone()));
        statement.setString(4, customer.accountId());
        statement.setString(5, customer.id());
    }

    private static Customer customer(ResultSet row) throws SQLException {
        return new Customer(row.getString("id"), row.getString("name"), row.getString("phone"), row.getString("account_id"));
    }
}
