package org.opencti.lab.config;

import java.util.Objects;

/** A customer record: the lab's callers call from {@code phone}; the server pops it by ANI or {@code accountId}. */
public record Customer(String id, String name, String phone, String accountId) {
    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(accountId, "accountId");
    }
}
