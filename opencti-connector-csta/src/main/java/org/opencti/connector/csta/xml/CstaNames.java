package org.opencti.connector.csta.xml;

/** Namespaces of CSTA III XML, ECMA-354 sessions and OpenCTI's private data. */
public final class CstaNames {
    public static final String ED4 = "http://www.ecma-international.org/standards/ecma-323/csta/ed4";
    public static final String ED3 = "http://www.ecma-international.org/standards/ecma-323/csta/ed3";
    public static final String SESSION = "http://www.ecma-international.org/standards/ecma-354/appl_session";
    public static final String OPENCTI_NS = "urn:opencti:csta:1";

    private CstaNames() {}
}
