package org.opencti.model.request;

import org.opencti.model.state.Action;

/**
 * A request of the Desktop Interface. Handle them with an exhaustive {@code switch} and no {@code default}, so
 * a new request breaks the build wherever it is not yet handled. The result of a request is reported as events;
 * a request only says whether the CTI server accepted it.
 */
public sealed interface CtiRequest permits Login, Logout, AgentReady, AgentNotReady, MakeCall, AnswerCall,
        HangUpCall, HoldCall, RetrieveCall, AlternateCall, ConsultationCall, TransferInitiate, TransferComplete,
        BlindTransfer, ConferenceInitiate, ConferenceComplete, DropParty, CancelConsult, SendDTMF, SetCallData,
        WrapUp {

    /** The request's wire name, also its name in {@code allowedActions}. */
    Action action();
}
