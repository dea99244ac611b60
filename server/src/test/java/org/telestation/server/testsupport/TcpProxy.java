package org.telestation.server.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small TCP proxy standing for the network between a station and the server, which a test can break:
 * {@link #cut()} closes every connection and refuses new ones (cable pulled, server unreachable), {@link #stall()}
 * keeps connections open but stops moving bytes (a dead Wi-Fi: half-open TCP, only timeouts notice), and
 * {@link #restore()} brings it back on the same port.
 */
public final class TcpProxy implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile boolean stalled;
    private volatile boolean closed;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = bind(0);
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    public int port() {
        return port;
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void startAccepting(ServerSocket s) {
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    sockets.add(client);
                    sockets.add(server);
                    pump(client, server);
                    pump(server, client);
                } catch (IOException e) {
                    // listener closed by cut() or close()
                }
            }
        }, "proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    while (stalled && !from.isClosed()) Thread.sleep(20);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // connection cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Pulls the cable: every connection is closed, new ones are refused until {@link #restore()}. */
    public synchronized void cut() {
        closeQuietly(listener);
        for (Socket s : sockets) closeQuietly(s);
        sockets.clear();
    }

    /** Bytes stop moving; connections stay open. */
    public void stall() {
        stalled = true;
    }

    public synchronized void restore() throws IOException {
        stalled = false;
        if (listener.isClosed() && !closed) {
            listener = bind(port);
            startAccepting(listener);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        cut();
    }
}
