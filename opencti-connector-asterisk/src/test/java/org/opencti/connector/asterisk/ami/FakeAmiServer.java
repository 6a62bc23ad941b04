package org.opencti.connector.asterisk.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An AMI server on loopback that plays a {@link Transcript}. It speaks the real banner
 * ({@code Asterisk Call Manager/5.0.2}), answers {@code Challenge} and an MD5 or plain {@code Login} the way Asterisk
 * does, {@code CoreSettings} (asterisk-java asks it for the version), {@code Ping} and {@code Logoff}; every other
 * action must be the transcript's next {@code Action} packet, with the same listed values and a fresh
 * {@code ActionID}. What differs is recorded in {@link #problems()} and answered with {@code Response: Error}.
 */
public final class FakeAmiServer implements AutoCloseable {

    /** Answers an action the server does not answer itself: the whole reply (response, then events) as AMI text. */
    public interface Script {
        String answer(Map<String, String> action, String actionId);
    }

    public static final String BANNER = "Asterisk Call Manager/5.0.2";
    private static final String CHALLENGE = "840164318";

    private final String username;
    private final String secret;
    private final ServerSocket server;
    private final List<Transcript.Packet> transcript = new CopyOnWriteArrayList<>();
    private final List<OutputStream> outputs = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Set<String> actionIds = ConcurrentHashMap.newKeySet();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private volatile int next;
    private volatile boolean refusing;
    private volatile boolean silent;
    private volatile int logins;
    /** The ChannelId of the last Originate: later events of that call carry it as Uniqueid and Linkedid. */
    private volatile String channelId;
    /** When set, answers every action the server does not answer itself, instead of the transcript. */
    private volatile Script script;

    public FakeAmiServer(String username, String secret) {
        this.username = username;
        this.secret = secret;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback", e);
        }
        Thread.ofVirtual().name("fake-ami-accept").start(this::acceptLoop);
    }

    public int port() { return server.getLocalPort(); }

    /** Lets {@code answering} answer actions (a simulated Asterisk) instead of a transcript. */
    public void answerWith(Script answering) { this.script = answering; }

    /** Sends unsolicited events to every connected client (none while silent). */
    public void broadcast(String packets) {
        if (silent || packets.isEmpty()) return;
        for (OutputStream out : outputs) {
            try {
                write(out, packets);
            } catch (IOException e) {
                outputs.remove(out);
            }
        }
    }

    /** Plays {@code transcript} from its first packet (events before its first action go out after login). */
    public synchronized void play(Transcript transcript) {
        this.transcript.clear();
        this.transcript.addAll(transcript.packets());
        next = 0;
    }

    /** Every action the connector sent (keys lower-cased, as Asterisk reads them), Ping and login included. */
    public List<Map<String, String>> received() { return List.copyOf(received); }

    /** The scripted actions that were not sent as written, and unscripted ones. Empty when the connector did exactly that. */
    public List<String> problems() { return List.copyOf(problems); }

    /** Whether every scripted action was sent. */
    public synchronized boolean scriptDone() {
        return transcript.stream().skip(next).noneMatch(p -> p.kind().equalsIgnoreCase("Action"));
    }

    public int logins() { return logins; }

    /** Closes every connection and refuses new ones until {@link #accept()}. */
    public void dropAll() {
        refusing = true;
        for (Socket client : clients) closeQuietly(client);
        clients.clear();
        outputs.clear();
    }

    public void accept() { refusing = false; silent = false; }

    /** Every connection goes quiet: actions are read and never answered (a half-open TCP link). */
    public void goSilent() { silent = true; }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                clients.add(client);
                Thread.ofVirtual().name("fake-ami-client").start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = client.getOutputStream();
            write(out, BANNER + "\r\n");
            outputs.add(out);
            Map<String, String> packet = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) packet.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                    continue;
                }
                if (packet.isEmpty()) continue;
                Map<String, String> action = Map.copyOf(packet);
                packet.clear();
                received.add(action);
                if (!silent) answer(action, out);
            }
        } catch (IOException e) {
            // The connector or a test closed the connection.
        }
    }

    private void answer(Map<String, String> action, OutputStream out) throws IOException {
        String name = action.getOrDefault("action", "");
        String id = action.get("actionid");
        if (id == null || id.isBlank()) problems.add(name + " was sent without an ActionID: " + action);
        else if (!actionIds.add(id)) problems.add(name + " reused ActionID " + id);
        String idLine = "ActionID: " + id + "\r\n";
        switch (name.toLowerCase()) {
            case "challenge" -> write(out, "Response: Success\r\n" + idLine + "Challenge: " + CHALLENGE + "\r\n\r\n");
            case "login" -> {
                boolean ok = username.equals(action.get("username")) && (secret.equals(action.get("secret"))
                        || md5(CHALLENGE + secret).equalsIgnoreCase(action.getOrDefault("key", "")));
                if (!ok) {
                    write(out, "Response: Error\r\n" + idLine + "Message: Authentication failed\r\n\r\n");
                    return;
                }
                logins++;
                write(out, "Response: Success\r\n" + idLine + "Message: Authentication accepted\r\n\r\n"
                        + "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 1200\r\nLastReload: 1200\r\nStatus: Fully Booted\r\n\r\n");
            }
            case "coresettings" -> write(out, "Response: Success\r\n" + idLine + "AMIversion: 5.0.2\r\nAsteriskVersion: 18.20.0\r\n"
                    + "SystemName: \r\nCoreMaxCalls: 0\r\nCoreMaxLoadAvg: 0.000000\r\nCoreRunUser: asterisk\r\nCoreRunGroup: asterisk\r\n"
                    + "CoreMaxFilehandles: 0\r\nCoreRealTimeEnabled: No\r\nCoreCDRenabled: Yes\r\nCoreHTTPenabled: No\r\n"
                    + "SoundsSearchCustomDir: No\r\n\r\n");
            case "ping" -> write(out, "Response: Success\r\n" + idLine + "Ping: Pong\r\nTimestamp: 1764324000.000000\r\n\r\n");
            case "coreshowchannels" -> write(out, "Response: Success\r\n" + idLine + "EventList: start\r\nMessage: Channels will follow\r\n\r\n"
                    + "Event: CoreShowChannelsComplete\r\n" + idLine + "EventList: Complete\r\nListItems: 0\r\n\r\n");
            case "queuestatus" -> write(out, "Response: Success\r\n" + idLine + "EventList: start\r\nMessage: Queue status will follow\r\n\r\n"
                    + "Event: QueueMember\r\n" + idLine + "Queue: sales\r\nName: 1001\r\nLocation: PJSIP/5001\r\nStateInterface: PJSIP/5001\r\n"
                    + "Membership: dynamic\r\nPenalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\nLastPause: 0\r\nLoginTime: 1764324000\r\n"
                    + "InCall: 0\r\nStatus: 1\r\nPaused: 1\r\nPausedReason: login\r\nWrapuptime: 0\r\n\r\n"
                    + "Event: QueueStatusComplete\r\n" + idLine + "EventList: Complete\r\nListItems: 1\r\n\r\n");
            case "logoff" -> write(out, "Response: Goodbye\r\n" + idLine + "Message: Thanks for all the fish.\r\n\r\n");
            default -> {
                Script answering = script;
                if (answering != null) write(out, answering.answer(action, id));
                else scripted(action, id, out);
            }
        }
    }

    private synchronized void scripted(Map<String, String> action, String id, OutputStream out) throws IOException {
        int at = next;
        while (at < transcript.size() && !transcript.get(at).kind().equalsIgnoreCase("Action")) at++;
        if (at >= transcript.size()) {
            problems.add("unscripted action " + action);
            write(out, "Response: Error\r\nActionID: " + id + "\r\nMessage: Not in the transcript\r\n\r\n");
            return;
        }
        Transcript.Packet expected = transcript.get(at);
        List<String> differences = new ArrayList<>();
        expected.fields().forEach((key, value) -> {
            String sent = action.get(key.toLowerCase());
            if (!"*".equals(value) && !value.equalsIgnoreCase(sent == null ? "" : sent))
                differences.add(key + ": expected '" + value + "', sent '" + sent + "'");
        });
        if (!differences.isEmpty()) {
            problems.add("action " + (at + 1) + " of the transcript (" + expected.name() + "): " + differences + " in " + action);
            write(out, "Response: Error\r\nActionID: " + id + "\r\nMessage: Not what the transcript expects\r\n\r\n");
            return;
        }
        at++;
        if (action.containsKey("channelid")) channelId = action.get("channelid");
        Map<String, String> remembered = channelId == null ? action : Map.of("channelid", channelId);
        StringBuilder reply = new StringBuilder();
        if (at < transcript.size() && transcript.get(at).kind().equalsIgnoreCase("Response")) reply.append(transcript.get(at++).wire(id, remembered));
        else reply.append("Response: Success\r\nActionID: ").append(id).append("\r\nMessage: ").append(expected.name())
                .append(" accepted\r\n\r\n");
        while (at < transcript.size() && !transcript.get(at).kind().equalsIgnoreCase("Action")) reply.append(transcript.get(at++).wire(id, remembered));
        next = at;
        write(out, reply.toString());
    }

    private static void write(OutputStream out, String text) throws IOException {
        synchronized (out) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override public void close() {
        dropAll();
        closeQuietly(server);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
