package org.opencti.server.config;

import java.nio.file.Path;
import org.opencti.store.StoreConfig;
import org.opencti.store.WhenBufferFull;

/**
 * The {@code store} section: where the database is, and how much the writer may hold while it is away.
 *
 * @param url            {@code jdbc:h2:...} or {@code jdbc:postgresql://...}; null for H2 in the data folder
 * @param schema         the schema to migrate and use (created when missing); null for the connection's default
 * @param bufferCapacity rows the writer holds while the database is slow or down (then {@code whenBufferFull})
 * @param whenBufferFull {@code DROP_NEWEST} (events never wait; drops are counted in /metrics) or {@code BLOCK_CALLER}
 * @param batchSize      rows per transaction
 */
public record StoreSettings(String url, String user, String password, String schema, int bufferCapacity,
                            WhenBufferFull whenBufferFull, int batchSize) {
    private static final StoreConfig LIBRARY_DEFAULTS = StoreConfig.of("jdbc:h2:mem:defaults", null, null);
    public static final StoreSettings DEFAULTS = new StoreSettings(null, null, null, null,
            LIBRARY_DEFAULTS.bufferCapacity(), LIBRARY_DEFAULTS.whenBufferFull(), LIBRARY_DEFAULTS.batchSize());

    public StoreSettings withUrl(String newUrl) {
        return new StoreSettings(newUrl, user, password, schema, bufferCapacity, whenBufferFull, batchSize);
    }

    /** The JDBC URL: the configured one, else an H2 file in the data folder. */
    public String effectiveUrl(Path dataDir) {
        return url != null ? url : "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("opencti");
    }

    /** The store library's configuration (validated there as a whole). */
    public StoreConfig toStoreConfig(Path dataDir) {
        StoreConfig base = url == null ? StoreConfig.h2(dataDir) : StoreConfig.of(url, user, password == null ? "" : password);
        if (schema != null) base = base.withSchema(schema);
        return base.withBuffer(bufferCapacity, whenBufferFull, batchSize);
    }
}
