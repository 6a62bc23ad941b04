package org.opencti.lab.protocol;

import io.javalin.websocket.WsContext;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket: each CSTA message is one text frame, and the invokeID the TCP header would carry rides
 * in the root element's {@code invokeID} attribute instead. A writer thread drains a queue, so the event loop
 * never waits for a slow client.
 */
final class WebSocketLink implements ClientLink {

    private static final Logger log = LoggerFactory.getLogger(WebSocketLink.class);
    private static final String CLOSE = new String("close");
    private static final Pattern ROOT_INVOKE_ID = Pattern.compile(
            "\\A\\s*(?:<\\?xml[^>]*\\?>)?\\s*(?:<!--.*?-->\\s*)*<[^>]*?\\sinvokeID\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.DOTALL);

    private final long id;
    private final WsContext context;
    private final LinkedBlockingQueue<String> outgoing = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onSilenced;
    private volatile boolean silent;

    /** {@code onSilenced} runs for every message a half-open link swallows, either way (the fault counters). */
    WebSocketLink(long id, WsContext context, Runnable onSilenced) {
        this.id = id;
        this.onSilenced = onSilenced;
        this.context = context;
        Thread.ofVirtual().name("csta-ws-write-" + id).start(this::write);
    }

    /** The invokeID attribute of a message's root element; empty when it has none. */
    static String invokeIdOf(String xml) {
        Matcher matcher = ROOT_INVOKE_ID.matcher(xml);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** The message with {@code invokeID="…"} added to its root element (the lab writes the XML declaration first). */
    static String withInvokeId(String xml, String invokeId) {
        if (invokeId.isEmpty())
            return xml;
        int root = xml.startsWith("<?") ? xml.indexOf("?>") + 2 : 0;
        int nameEnd = root + 1;
        while (nameEnd < xml.length() && " />\t\r\n".indexOf(xml.charAt(nameEnd)) < 0)
            nameEnd++;
        return xml.substring(0, nameEnd) + " invokeID=\"" + XmlWriter.escape(invokeId) + "\"" + xml.substring(nameEnd);
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public void send(String invokeId, String xml) {
        if (silent)
            onSilenced.run();
        else if (!closed.get())
            outgoing.add(withInvokeId(xml, invokeId));
    }

    @Override
    public void silence() {
        silent = true;
    }

    @Override
    public boolean silent() {
        return silent;
    }

    @Override
    public void closeAfterWrites() {
        outgoing.add(CLOSE);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            outgoing.add(CLOSE);
            if (context.session.isOpen())
                context.closeSession(1000, "closed by the lab");
        }
    }

    private void write() {
        try {
            while (true) {
                String text = outgoing.take();
                if (text == CLOSE)
                    break;
                if (silent) {
                    onSilenced.run();
                    continue;
                }
                Callback.Completable sent = new Callback.Completable();
                context.session.sendText(text, sent);
                sent.get();
            }
        } catch (ExecutionException e) {
            log.debug("CSTA WebSocket {}: write failed: {}", id, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }
}
