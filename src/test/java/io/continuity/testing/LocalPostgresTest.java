package io.continuity.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.continuity.testing.LocalPostgres.Outcome;
import io.continuity.testing.LocalPostgres.Probe;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local run and the tests use the PostgreSQL on 127.0.0.1:5432 only when it lets {@code postgres} in without a
 * password; anything else (nothing there, a stock server with password authentication, something that is not
 * PostgreSQL) sends them to an embedded server. A tiny fake server speaks just enough of the protocol to refuse.
 */
class LocalPostgresTest {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int AUTH_SASL = 10;

    @Test
    void aPortNobodyListensOnIsNotListening() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Probe probe = LocalPostgres.probe("127.0.0.1", port);
        assertThat(probe.outcome()).isEqualTo(Outcome.NOT_LISTENING);
        assertThat(probe.reason()).isEqualTo("No PostgreSQL answers on 127.0.0.1:" + port);
    }

    @Test
    void aServerThatRefusesThePasswordIsAnAuthRefusal() throws IOException {
        try (FakeServer server = FakeServer.answering(out -> error(out, "28P01", "password authentication failed for user \"postgres\""))) {
            Probe probe = LocalPostgres.probe("127.0.0.1", server.port());
            assertThat(probe.outcome()).isEqualTo(Outcome.REFUSES_LOGIN);
            assertThat(probe.reason()).contains("refuses user postgres without a password", "28P01").doesNotContain("\n");
        }
    }

    @Test
    void aServerWithoutAnEntryForTheClientIsAnAuthRefusal() throws IOException {
        try (FakeServer server = FakeServer.answering(out -> error(out, "28000", "no pg_hba.conf entry for host \"127.0.0.1\""))) {
            assertThat(LocalPostgres.probe("127.0.0.1", server.port()).outcome()).isEqualTo(Outcome.REFUSES_LOGIN);
        }
    }

    @Test
    void aStockServerAskingForScramIsAnAuthRefusal() throws IOException {
        try (FakeServer server = FakeServer.answering(LocalPostgresTest::askForScram)) {
            Probe probe = LocalPostgres.probe("127.0.0.1", server.port());
            assertThat(probe.outcome()).as(probe.reason()).isEqualTo(Outcome.REFUSES_LOGIN);
        }
    }

    @Test
    void somethingThatIsNotPostgresIsUnusable() throws IOException {
        try (FakeServer server = FakeServer.greeting("SSH-2.0-OpenSSH_9.2\r\n")) {
            Probe probe = LocalPostgres.probe("127.0.0.1", server.port());
            assertThat(probe.outcome()).isEqualTo(Outcome.UNUSABLE);
            assertThat(probe.reason()).startsWith("127.0.0.1:" + server.port() + " answers but not as a PostgreSQL");
        }
    }

    @Test
    void aServerThatLetsPostgresInAccepts() throws IOException {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            assertThat(LocalPostgres.probe("127.0.0.1", pg.getPort())).isEqualTo(new Probe(Outcome.ACCEPTS, ""));
        }
    }

    /** An ErrorResponse with the given SQLSTATE, as a server sends it when it refuses a login. */
    private static void error(OutputStream out, String sqlState, String message) throws IOException {
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        for (String field : new String[] {"SFATAL", "VFATAL", "C" + sqlState, "M" + message}) {
            fields.write(field.getBytes(StandardCharsets.UTF_8));
            fields.write(0);
        }
        fields.write(0);
        message(out, 'E', fields.toByteArray());
    }

    /** AuthenticationSASL offering SCRAM-SHA-256: what a stock PostgreSQL 14+ asks of a TCP client. */
    private static void askForScram(OutputStream out) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        new DataOutputStream(body).writeInt(AUTH_SASL);
        body.write("SCRAM-SHA-256".getBytes(StandardCharsets.US_ASCII));
        body.write(0);
        body.write(0);
        message(out, 'R', body.toByteArray());
    }

    private static void message(OutputStream out, char type, byte[] body) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeByte(type);
        data.writeInt(body.length + 4);
        data.write(body);
        data.flush();
    }

    /** What the fake server says once it has read the client's startup message. */
    @FunctionalInterface
    private interface Answer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Accepts connections on a free loopback port. A PostgreSQL impostor declines TLS and GSS, reads the startup
     * message and answers; another service greets first and hangs up.
     */
    private record FakeServer(ServerSocket socket) implements AutoCloseable {

        static FakeServer answering(Answer answer) throws IOException {
            FakeServer server = new FakeServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
            Thread.ofVirtual().start(() -> server.serve(answer));
            return server;
        }

        static FakeServer greeting(String banner) throws IOException {
            FakeServer server = new FakeServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
            Thread.ofVirtual().start(() -> {
                while (!server.socket.isClosed()) {
                    try (Socket client = server.socket.accept()) {
                        client.getOutputStream().write(banner.getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
            return server;
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(Answer answer) {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    DataInputStream in = new DataInputStream(client.getInputStream());
                    OutputStream out = client.getOutputStream();
                    int length = in.readInt();
                    int code = in.readInt();
                    while (code == SSL_REQUEST || code == GSS_REQUEST) {
                        out.write('N');
                        out.flush();
                        length = in.readInt();
                        code = in.readInt();
                    }
                    in.skipNBytes(length - 8);
                    answer.write(out);
                    out.flush();
                    client.shutdownOutput();
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the probe's connect-only check, or the driver hanging up: next connection
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
