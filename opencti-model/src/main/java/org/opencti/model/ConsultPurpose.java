package org.opencti.model;

/** Why a consult leg was made (CSTA {@code consultOptions}); it decides which completion the leg offers. */
public enum ConsultPurpose {
    /** {@code consultationCall}: may end in a transfer or a conference. */
    Consult,
    /** {@code transferInitiate}: ends in {@code transferComplete}. */
    Transfer,
    /** {@code conferenceInitiate}: ends in {@code conferenceComplete}. */
    Conference
}
