package org.opencti.store.audit;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.TelephonyMode;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.request.Login;

/**
 * A request as audit JSON, shaped like the wire ({@code {"type":"holdCall","callId":"c-7"}}). The records know no
 * JSON and the model's codec does not exist yet, so this maps record components; the password of a login is
 * left out here, in one place.
 */
final class RequestJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("opencti-audit")
                    .addSerializer(AgentId.class, ToStringSerializer.instance)
                    .addSerializer(CallId.class, ToStringSerializer.instance)
                    .addSerializer(TelephonyMode.class, new TelephonyModeSerializer()))
            .addMixIn(Login.class, LoginWithoutPassword.class)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private RequestJson() {}

    static String of(CtiRequest request) {
        ObjectNode json = MAPPER.createObjectNode().put("type", request.action().wireName());
        json.setAll((ObjectNode) MAPPER.valueToTree(request));
        return json.toString();
    }

    @JsonIgnoreProperties({"password"})
    private abstract static class LoginWithoutPassword {}

    private static final class TelephonyModeSerializer extends JsonSerializer<TelephonyMode> {
        @Override
        public void serialize(TelephonyMode mode, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(mode.wireName());
        }
    }
}
