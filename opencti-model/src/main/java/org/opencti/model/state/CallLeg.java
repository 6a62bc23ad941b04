package org.opencti.model.state;

import org.opencti.model.ConsultPurpose;

/**
 * Where a call stands among the calls at one device, which, with its connection state, decides its
 * {@code allowedActions}. {@code purpose} is set for {@link Kind#PRIMARY} and {@link Kind#CONSULT} only.
 */
public record CallLeg(Kind kind, ConsultPurpose purpose) {
    public enum Kind {
        /** The only call at the device. */
        ONLY,
        /** Another, unrelated call is at the device too. */
        OTHER,
        /** The held (original) call of a consult. */
        PRIMARY,
        /** The consult leg made from a held call. */
        CONSULT
    }

    public static final CallLeg ONLY = new CallLeg(Kind.ONLY, null);
    public static final CallLeg OTHER = new CallLeg(Kind.OTHER, null);

    public CallLeg {
        if (kind == null) throw new IllegalArgumentException("leg kind is required");
        boolean consultRelated = kind == Kind.PRIMARY || kind == Kind.CONSULT;
        if (consultRelated != (purpose != null))
            throw new IllegalArgumentException("a consult purpose is required for primary and consult legs only, got "
                    + kind + " with purpose " + purpose);
    }

    public static CallLeg primary(ConsultPurpose purpose) { return new CallLeg(Kind.PRIMARY, purpose); }

    public static CallLeg consult(ConsultPurpose purpose) { return new CallLeg(Kind.CONSULT, purpose); }

    /** The key's leg part in {@code state-tables.json}: {@code only}, {@code other}, {@code primary:Transfer}, ... */
    public String key() {
        return switch (kind) {
            case ONLY -> "only";
            case OTHER -> "other";
            case PRIMARY -> "primary:" + purpose;
            case CONSULT -> "consult:" + purpose;
        };
    }
}
