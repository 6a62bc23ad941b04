package org.opencti.store;

/** A page of a newest-first list: at most {@code limit} rows after skipping {@code offset}. */
public record Page(int limit, int offset) {
    public static final int MAX_LIMIT = 1000;
    public static final Page FIRST_100 = new Page(100, 0);

    public Page {
        if (limit < 1 || limit > MAX_LIMIT)
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        if (offset < 0)
            throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
    }

    public static Page first(int limit) {
        return new Page(limit, 0);
    }

    public Page next() {
        return new Page(limit, offset + limit);
    }
}
