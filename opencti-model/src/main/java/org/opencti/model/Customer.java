package org.opencti.model;

/** A customer record popped for a call (screen pop). */
public record Customer(String id, String name, String phone, String accountId) {
    public Customer {
        Require.nonBlank("customer.id", id);
        Require.nonBlank("customer.name", name);
        Require.optionalNonBlank("customer.phone", phone);
        Require.optionalNonBlank("customer.accountId", accountId);
    }
}
