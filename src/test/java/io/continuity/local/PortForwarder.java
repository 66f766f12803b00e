package io.continuity.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Accepts connections on a fixed local port and pipes them to another local port. The local run uses it to offer the
 * in-JVM broker at the usual {@code localhost:9092}: clients bootstrap through it, then talk to the broker directly.
 */
final class PortForwarder implements AutoCloseable {

    private final ServerSocket server;

    private PortForwarder(ServerSocket server) {
        this.server = server;
    }

    static PortForwarder start(int listenPort, int targetPort) throws IOException {
        ServerSocket server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
        PortForwarder forwarder = new PortForwarder(server);
        Thread.ofVirtual().name("forward-" + listenPort).start(() -> forwarder.accept(targetPort));
        return forwarder;
    }

    private void accept(int targetPort) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Thread.ofVirtual().start(() -> pipe(client, target));
                Thread.ofVirtual().start(() -> pipe(target, client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("[local-run] forwarder: " + e.getMessage());
                }
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the other side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
