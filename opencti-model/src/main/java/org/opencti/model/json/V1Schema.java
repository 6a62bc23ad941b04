package org.opencti.model.json;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The v1 JSON Schema files on the classpath ({@code schema/v1/}), validated with networknt's validator. Each
 * event and request type has its own schema file; the codec validates against the one the {@code type} names,
 * which gives errors about that type rather than about every alternative of a {@code oneOf}.
 */
final class V1Schema {
    static final String BASE_ID = "https://opencti.org/schema/v1/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build())
                    .schemaIdResolvers(ids -> ids.mapPrefix(BASE_ID, "classpath:schema/v1/")));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private V1Schema() {}

    /** One schema violation: the JSON path of the bad value and what is wrong with it. */
    record Violation(String path, String message) {}

    /** Validates JSON text against {@code events/<type>.schema.json} or {@code requests/<type>.schema.json}. */
    static List<Violation> validate(String folder, String type, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(folder + "/" + type, key -> {
            Schema loaded = REGISTRY.getSchema(SchemaLocation.of(BASE_ID + key + ".schema.json"));
            loaded.initializeValidators();
            return loaded;
        });
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(e -> new Violation(e.getInstanceLocation().toString(), e.getMessage())).toList();
    }
}
