package org.opencti.lab.protocol;

/** The XML namespaces of the lab's CSTA profile (docs/csta-profile.md §2). */
public final class Namespaces {

    public static final String CSTA_ED4 = "http://www.ecma-international.org/standards/ecma-323/csta/ed4";
    public static final String CSTA_ED3 = "http://www.ecma-international.org/standards/ecma-323/csta/ed3";
    public static final String SESSION = "http://www.ecma-international.org/standards/ecma-354/appl_session";
    public static final String OPENCTI = "urn:opencti:csta:1";

    private Namespaces() {
    }
}
