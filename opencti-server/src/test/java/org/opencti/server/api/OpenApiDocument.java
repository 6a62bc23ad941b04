package org.opencti.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.opencti.model.ErrorCode;
import org.opencti.model.json.CtiJson;

/**
 * The server's {@code openapi.json}, read the way a client generator reads it: the routes it lists, and for a route
 * and status the schema a response must match (OpenAPI 3.1 schemas are JSON Schema 2020-12), checked with networknt.
 */
final class OpenApiDocument {
    private static final String BASE = "https://opencti.org/api/v1/";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(BASE, "classpath:org/opencti/server/api/")));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    final JsonNode root = CtiJson.readTree(RestApi.openApiDocument(), ErrorCode.OPENCTI_BAD_REQUEST);

    Set<String> paths() {
        Set<String> paths = new TreeSet<>();
        root.get("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    JsonNode operation(String path) { return operation("get", path); }

    JsonNode operation(String method, String path) { return root.at("/paths/" + pointer(path) + "/" + method); }

    /** The documented paths that answer GET. */
    Set<String> getPaths() {
        Set<String> paths = new TreeSet<>(paths());
        paths.removeIf(path -> operation(path).isMissingNode());
        return paths;
    }

    /** The schema violations of {@code body} as the response of GET {@code path} with {@code status}. */
    List<String> violations(String path, int status, String body) { return violations("get", path, status, body); }

    /** The schema violations of {@code body} as the response of {@code method} {@code path} with {@code status}. */
    List<String> violations(String method, String path, int status, String body) {
        JsonNode response = operation(method, path).at("/responses/" + status);
        if (response.isMissingNode()) return List.of("status " + status + " is not documented for " + method + " " + path);
        if (response.has("$ref")) response = root.at(response.get("$ref").asText().substring(1));
        String ref = response.at("/content/application~1json/schema/$ref").asText();
        if (ref.isEmpty()) return List.of(method + " " + path + " " + status + " documents no JSON schema reference");
        Schema schema = LOADED.computeIfAbsent(ref, r -> SCHEMAS.getSchema(SchemaLocation.of(BASE + "openapi.json" + r)));
        return schema.validate(body, InputFormat.JSON).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static String pointer(String path) { return path.replace("~", "~0").replace("/", "~1"); }
}
