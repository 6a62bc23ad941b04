package org.opencti.lab.protocol;

import java.util.Optional;
import java.util.function.Consumer;
import org.opencti.lab.pbx.CallData;

/** The OpenCTI private data of docs/csta-profile.md §3, inside extensions/privateData/private. */
final class PrivateData {

    private PrivateData() {
    }

    static void write(XmlWriter xml, Consumer<XmlWriter> content) {
        xml.start("extensions").start("privateData").start("private");
        content.accept(xml);
        xml.end().end().end();
    }

    static void text(XmlWriter xml, String name, String text) {
        xml.start("od:" + name).attribute("xmlns:od", Namespaces.OPENCTI).text(text).end();
    }

    static void callData(XmlWriter xml, CallData data, Optional<String> callId) {
        xml.start("od:callData");
        callId.ifPresent(id -> xml.attribute("callID", id));
        xml.attribute("xmlns:od", Namespaces.OPENCTI);
        data.items().forEach((key, value) -> xml.start("od:item").attribute("key", key).text(value).end());
        xml.end();
    }
}
