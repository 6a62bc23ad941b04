package org.opencti.model.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencti.model.TelephonyMode;
import org.opencti.model.WorkMode;
import org.opencti.model.request.AgentNotReady;
import org.opencti.model.request.AgentReady;
import org.opencti.model.request.AlternateCall;
import org.opencti.model.request.AnswerCall;
import org.opencti.model.request.BlindTransfer;
import org.opencti.model.request.CancelConsult;
import org.opencti.model.request.ConferenceComplete;
import org.opencti.model.request.ConferenceInitiate;
import org.opencti.model.request.ConsultationCall;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.request.DropParty;
import org.opencti.model.request.HangUpCall;
import org.opencti.model.request.HoldCall;
import org.opencti.model.request.Login;
import org.opencti.model.request.LoginOptions;
import org.opencti.model.request.Logout;
import org.opencti.model.request.MakeCall;
import org.opencti.model.request.RetrieveCall;
import org.opencti.model.request.SendDTMF;
import org.opencti.model.request.SetCallData;
import org.opencti.model.request.TransferComplete;
import org.opencti.model.request.TransferInitiate;
import org.opencti.model.request.WrapUp;
import org.opencti.model.state.Action;

import static org.opencti.model.json.EventCodec.putMap;
import static org.opencti.model.json.EventCodec.putOpt;

/** Requests to and from their flat JSON wire form, {@code {"type":"answerCall","callId":"c-7"}}. */
final class RequestCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RequestCodec() {}

    static ObjectNode encode(CtiRequest request) {
        ObjectNode o = JSON.objectNode();
        o.put("type", request.action().wireName());
        switch (request) {
            case Login r -> {
                o.put("agentId", r.agentId().value());
                o.put("password", r.password());
                putOpt(o, "extension", r.extension());
                if (!r.options().equals(LoginOptions.DEFAULTS)) {
                    ObjectNode options = o.putObject("options");
                    if (r.options().clientSide()) options.put("clientSide", true);
                    if (r.options().mode() != null) options.put("mode", r.options().mode().wireName());
                }
            }
            case Logout r -> putOpt(o, "reasonCode", r.reasonCode());
            case AgentReady r -> putOpt(o, "workMode", r.workMode());
            case AgentNotReady r -> {
                o.put("reasonCode", r.reasonCode());
                putOpt(o, "workMode", r.workMode());
            }
            case MakeCall r -> dial(o, r.destination(), r.callData());
            case AnswerCall r -> o.put("callId", r.callId().value());
            case HangUpCall r -> o.put("callId", r.callId().value());
            case HoldCall r -> o.put("callId", r.callId().value());
            case RetrieveCall r -> o.put("callId", r.callId().value());
            case AlternateCall r -> o.put("heldCallId", r.heldCallId().value()).put("activeCallId", r.activeCallId().value());
            case ConsultationCall r -> dial(o.put("callId", r.callId().value()), r.destination(), r.callData());
            case TransferInitiate r -> dial(o.put("callId", r.callId().value()), r.destination(), r.callData());
            case TransferComplete r -> o.put("heldCallId", r.heldCallId().value()).put("activeCallId", r.activeCallId().value());
            case BlindTransfer r -> dial(o.put("callId", r.callId().value()), r.destination(), r.callData());
            case ConferenceInitiate r -> dial(o.put("callId", r.callId().value()), r.destination(), r.callData());
            case ConferenceComplete r -> o.put("heldCallId", r.heldCallId().value()).put("activeCallId", r.activeCallId().value());
            case DropParty r -> o.put("callId", r.callId().value()).put("dn", r.dn());
            case CancelConsult r -> o.put("consultCallId", r.consultCallId().value());
            case SendDTMF r -> o.put("callId", r.callId().value()).put("digits", r.digits());
            case SetCallData r -> putMap(o.put("callId", r.callId().value()), "data", r.data());
            case WrapUp r -> {
                o.put("callId", r.callId().value()).put("wrapUpCode", r.wrapUpCode());
                putOpt(o, "notes", r.notes());
            }
        }
        return o;
    }

    static CtiRequest decode(Action action, JsonFields f) {
        return switch (action) {
            case LOGIN -> {
                JsonFields options = f.optionalObject("options");
                yield new Login(f.agentId("agentId"), f.string("password"), f.optionalString("extension"),
                        options == null ? null : new LoginOptions(options.bool("clientSide"),
                                options.has("mode") ? TelephonyMode.fromWire(options.string("mode")) : null));
            }
            case LOGOUT -> new Logout(f.optionalString("reasonCode"));
            case AGENT_READY -> new AgentReady(f.optionalEnum("workMode", WorkMode.class));
            case AGENT_NOT_READY -> new AgentNotReady(f.string("reasonCode"), f.optionalEnum("workMode", WorkMode.class));
            case MAKE_CALL -> new MakeCall(f.string("destination"), f.stringMap("callData"));
            case ANSWER_CALL -> new AnswerCall(f.callId("callId"));
            case HANG_UP_CALL -> new HangUpCall(f.callId("callId"));
            case HOLD_CALL -> new HoldCall(f.callId("callId"));
            case RETRIEVE_CALL -> new RetrieveCall(f.callId("callId"));
            case ALTERNATE_CALL -> new AlternateCall(f.callId("heldCallId"), f.callId("activeCallId"));
            case CONSULTATION_CALL -> new ConsultationCall(f.callId("callId"), f.string("destination"), f.stringMap("callData"));
            case TRANSFER_INITIATE -> new TransferInitiate(f.callId("callId"), f.string("destination"), f.stringMap("callData"));
            case TRANSFER_COMPLETE -> new TransferComplete(f.callId("heldCallId"), f.callId("activeCallId"));
            case BLIND_TRANSFER -> new BlindTransfer(f.callId("callId"), f.string("destination"), f.stringMap("callData"));
            case CONFERENCE_INITIATE -> new ConferenceInitiate(f.callId("callId"), f.string("destination"), f.stringMap("callData"));
            case CONFERENCE_COMPLETE -> new ConferenceComplete(f.callId("heldCallId"), f.callId("activeCallId"));
            case DROP_PARTY -> new DropParty(f.callId("callId"), f.string("dn"));
            case CANCEL_CONSULT -> new CancelConsult(f.callId("consultCallId"));
            case SEND_DTMF -> new SendDTMF(f.callId("callId"), f.string("digits"));
            case SET_CALL_DATA -> new SetCallData(f.callId("callId"), f.stringMap("data"));
            case WRAP_UP -> new WrapUp(f.callId("callId"), f.string("wrapUpCode"), f.optionalString("notes"));
        };
    }

    private static ObjectNode dial(ObjectNode o, String destination, java.util.Map<String, String> callData) {
        o.put("destination", destination);
        if (!callData.isEmpty()) putMap(o, "callData", callData);
        return o;
    }
}
