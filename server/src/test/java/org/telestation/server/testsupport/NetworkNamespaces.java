package org.telestation.server.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two network namespaces made for one test and joined by a veth pair, so that peers inside them (e.g. two Chromiums)
 * do their ICE over an isolated link and never see the machine's own interfaces (design.md §1: "run the peers in a
 * network namespace with a veth pair made by the test"). The veth ends carry RFC 5737 documentation-range addresses
 * ({@value #ADDRESS_A} and {@value #ADDRESS_B}, TEST-NET-2); inside each namespace {@code lo} is up and IPv6 is
 * disabled, so no link-local IPv6 candidate appears. Nothing is added to the main namespace: the veth pair is
 * created directly between the two namespaces.
 *
 * <p>The main namespace is reached through Unix sockets, which cross namespaces (they are found through the file
 * system): {@link Namespace#reach(int)} makes {@code 127.0.0.1:<port>} inside a namespace lead to the same port of the
 * main namespace (the test's server), and {@link Namespace#expose(int)} makes a port inside (e.g. chromedriver's)
 * reachable on a loopback port of the main namespace. Each bridge is a {@code socat} pair:
 * {@code TCP-LISTEN → UNIX-CONNECT} on one side, {@code UNIX-LISTEN → TCP} on the other.
 *
 * <p>{@link #close()} stops every process started here and every process still inside the namespaces, then deletes
 * the namespaces; a JVM shutdown hook does the same for whatever a crashed test left open, and {@link #create()}
 * first deletes {@code ts-*} namespaces left by earlier test JVMs that are no longer running. Needs root (as the
 * tests have here and in CI), {@code ip} (iproute2), {@code socat} and {@code sysctl}; fails with a clear message
 * otherwise.
 */
public final class NetworkNamespaces implements AutoCloseable {
    public static final String ADDRESS_A = "198.51.100.1";
    public static final String ADDRESS_B = "198.51.100.2";
    static final String PREFIX = "ts-";
    /** {@code ts-<pid of the test JVM>-<random>-<a|b>}: the pid tells whether the JVM that made it still runs. */
    private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-[0-9a-f]+-[ab]");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path IP = firstExecutable("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip");
    private static final Path SOCAT = firstExecutable("/usr/bin/socat", "/bin/socat");
    private static final Path SYSCTL = firstExecutable("/usr/sbin/sysctl", "/sbin/sysctl", "/usr/bin/sysctl");
    private static final Set<NetworkNamespaces> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(NetworkNamespaces::close),
                "network-namespaces-cleanup"));
    }

    private final Path dir;
    private final Namespace a;
    private final Namespace b;
    private final List<Process> mainProcesses = new ArrayList<>();
    /** Main-namespace port → the Unix socket that leads to it (one listener shared by both namespaces). */
    private final Map<Integer, Path> toMain = new ConcurrentHashMap<>();
    private boolean closed;

    private NetworkNamespaces(Path dir, String id) {
        this.dir = dir;
        this.a = new Namespace(id + "-a", ADDRESS_A);
        this.b = new Namespace(id + "-b", ADDRESS_B);
    }

    /** Makes the two namespaces and the veth pair between them. */
    public static NetworkNamespaces create() {
        checkPrerequisites();
        deleteStale();
        String id = PREFIX + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt(), 6);
        Path dir;
        try {
            dir = Files.createTempDirectory("ts-netns-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a directory for the namespace bridges", e);
        }
        NetworkNamespaces net = new NetworkNamespaces(dir, id);
        OPEN.add(net);
        try {
            for (Namespace ns : List.of(net.a, net.b)) {
                run(IP.toString(), "netns", "add", ns.name);
                ns.created = true;
                // Before the veth exists, so that it is born without IPv6 (no fe80:: candidate).
                run(IP.toString(), "netns", "exec", ns.name, SYSCTL.toString(), "-q", "-w",
                        "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
                run(IP.toString(), "-n", ns.name, "link", "set", "lo", "up");
            }
            // Both ends are created inside the namespaces: the pair never appears in the main namespace.
            run(IP.toString(), "-n", net.a.name, "link", "add", "veth0", "type", "veth", "peer", "name", "veth0",
                    "netns", net.b.name);
            for (Namespace ns : List.of(net.a, net.b)) {
                run(IP.toString(), "-n", ns.name, "addr", "add", ns.address + "/24", "dev", "veth0");
                run(IP.toString(), "-n", ns.name, "link", "set", "veth0", "up");
            }
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    public Namespace a() {
        return a;
    }

    public Namespace b() {
        return b;
    }

    /** One of the two namespaces. */
    public final class Namespace {
        private final String name;
        private final String address;
        private final List<Process> processes = new ArrayList<>();
        private final Set<Integer> reached = ConcurrentHashMap.newKeySet();
        private final AtomicInteger nextFreePort = new AtomicInteger(9515);
        private volatile boolean created;

        private Namespace(String name, String address) {
            this.name = name;
            this.address = address;
        }

        public String name() {
            return name;
        }

        /** The namespace's address on the veth link. */
        public String address() {
            return address;
        }

        /** A TCP port nothing listens on yet inside this namespace (the namespace is fresh: counting will do). */
        public int freePort() {
            int port;
            do {
                port = nextFreePort.getAndIncrement();
            } while (reached.contains(port));
            return port;
        }

        /** Starts {@code command} inside the namespace; its output goes to a log file that failures quote. */
        public synchronized Process start(String label, String... command) {
            List<String> full = new ArrayList<>(List.of(IP.toString(), "netns", "exec", name));
            full.addAll(List.of(command));
            Process p = startLogged(name + "-" + label, full);
            processes.add(p);
            return p;
        }

        /** Makes {@code 127.0.0.1:<port>} inside this namespace lead to {@code 127.0.0.1:<port>} of the main one. */
        public void reach(int port) {
            if (!reached.add(port)) return;
            Path socket = mainListener(port);
            Process inside = start("reach-" + port, SOCAT.toString(),
                    "TCP-LISTEN:" + port + ",bind=127.0.0.1,fork,reuseaddr", "UNIX-CONNECT:" + socket);
            awaitTcpListening(inside, port);
        }

        /**
         * Makes {@code 127.0.0.1:<port>} inside this namespace reachable on a loopback port of the main namespace;
         * closing the returned bridge stops it (the namespace's {@link NetworkNamespaces#close()} does too).
         */
        public Bridge expose(int port) {
            Path socket = dir.resolve(name + "-" + port + ".sock");
            Process inside = start("expose-" + port, SOCAT.toString(), "UNIX-LISTEN:" + socket + ",fork",
                    "TCP:127.0.0.1:" + port);
            awaitUnixListening(inside, socket);
            for (int attempt = 1; ; attempt++) {
                int mainPort = freeMainPort();
                Process outside = startMain("expose-" + name + "-" + port + "-" + attempt, SOCAT.toString(),
                        "TCP-LISTEN:" + mainPort + ",bind=127.0.0.1,fork,reuseaddr", "UNIX-CONNECT:" + socket);
                try {
                    awaitTcpListening(outside, mainPort);
                    return new Bridge(mainPort, List.of(inside, outside));
                } catch (IllegalStateException e) {
                    // Another process may take the free port between our probe and socat's bind: try another.
                    if (outside.isAlive() || attempt == 3) throw e;
                }
            }
        }

        /** Waits until the (namespaced) process listens on TCP {@code port}. */
        public void awaitTcpListening(Process p, int port) {
            awaitUp(p, "to listen on TCP port " + port, () -> tcpListening(p, port));
        }

        private synchronized void stopAll() {
            stop(processes);
            processes.clear();
            // Whatever else runs inside (e.g. a Chromium its chromedriver did not take down): it would keep the
            // namespace alive after `ip netns delete`.
            killEverythingIn(name);
            if (created) {
                runQuietly(IP.toString(), "netns", "delete", name);
                created = false;
            }
        }
    }

    /** A port bridge (a pair of socat processes); {@link #port()} is the main-namespace end. */
    public record Bridge(int port, List<Process> processes) implements AutoCloseable {
        @Override
        public void close() {
            stop(processes);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            a.stopAll();
            b.stopAll();
            stop(mainProcesses);
        } finally {
            OPEN.remove(this);
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp directory is harmless
            }
        }
    }

    /** The Unix socket leading to {@code 127.0.0.1:<port>} of the main namespace, started on first use. */
    private synchronized Path mainListener(int port) {
        return toMain.computeIfAbsent(port, p -> {
            Path socket = dir.resolve("main-" + p + ".sock");
            Process outside = startMain("main-" + p, SOCAT.toString(), "UNIX-LISTEN:" + socket + ",fork",
                    "TCP:127.0.0.1:" + p);
            awaitUnixListening(outside, socket);
            return socket;
        });
    }

    private synchronized Process startMain(String label, String... command) {
        Process p = startLogged(label, List.of(command));
        mainProcesses.add(p);
        return p;
    }

    private Process startLogged(String label, List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(label + ".log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
    }

    private void awaitUnixListening(Process p, Path socket) {
        awaitUp(p, "to listen on " + socket, () -> unixListening(p, socket));
    }

    /** Polls {@code ready} until true; fails early, quoting the process's log, if the process dies. */
    private void awaitUp(Process p, String what, BooleanSupplier ready) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!ready.getAsBoolean()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("expected " + p.info().commandLine().orElse("pid " + p.pid()) + " "
                        + what + (p.isAlive() ? " within " + WAIT : " but it exited with " + p.exitValue())
                        + "; its output: " + allLogs());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private String allLogs() {
        StringBuilder out = new StringBuilder();
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                out.append("\n[").append(log.getFileName()).append("] ").append(Files.readString(log));
            }
        } catch (IOException e) {
            out.append("(logs unreadable: ").append(e).append(')');
        }
        return out.toString();
    }

    /**
     * Whether the process's network namespace has a TCP socket listening on {@code port}: {@code /proc/<pid>/net/tcp}
     * lists the sockets of the namespace the process is in (state {@code 0A} is LISTEN).
     */
    private static boolean tcpListening(Process p, int port) {
        String local = String.format(Locale.ROOT, ":%04X", port);
        return procNet(p, "tcp").stream().skip(1).map(l -> l.trim().split("\\s+"))
                .anyMatch(f -> f.length > 3 && f[1].endsWith(local) && f[3].equals("0A"));
    }

    /** Whether {@code socket} is a listening Unix socket ({@code __SO_ACCEPTCON} flag) in the process's namespace. */
    private static boolean unixListening(Process p, Path socket) {
        return procNet(p, "unix").stream().skip(1).map(l -> l.trim().split("\\s+"))
                .anyMatch(f -> f.length > 7 && f[7].equals(socket.toString()) && f[3].equals("00010000"));
    }

    private static List<String> procNet(Process p, String table) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "net", table));
        } catch (IOException e) {
            return List.of(); // not started yet, or gone: awaitUp tells which
        }
    }

    private static int freeMainPort() {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    /** Stops the processes and their children (socat forks one per connection), forcibly if they linger. */
    private static void stop(List<Process> processes) {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            p.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void killEverythingIn(String namespace) {
        List<ProcessHandle> left = runQuietly(IP.toString(), "netns", "pids", namespace).lines()
                .filter(l -> l.matches("\\d+")).map(Long::parseLong).map(ProcessHandle::of)
                .flatMap(java.util.Optional::stream).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : left) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the namespace outliving `ip netns delete`, not worth failing the test for
            }
        }
    }

    /** Deletes {@code ts-*} namespaces whose test JVM is gone (a killed run leaves them behind). */
    private static void deleteStale() {
        for (String line : runQuietly(IP.toString(), "netns", "list").lines().toList()) {
            String name = line.split("\\s+")[0];
            Matcher m = OURS.matcher(name);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).filter(ProcessHandle::isAlive)
                    .isEmpty()) {
                killEverythingIn(name);
                runQuietly(IP.toString(), "netns", "delete", name);
            }
        }
    }

    private static void checkPrerequisites() {
        List<String> missing = new ArrayList<>();
        if (IP == null) missing.add("ip (Debian package iproute2)");
        if (SOCAT == null) missing.add("socat (Debian package socat)");
        if (SYSCTL == null) missing.add("sysctl (Debian package procps)");
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Network-namespace tests need " + String.join(", ", missing)
                    + ": apt-get install iproute2 socat procps (bin/test installs socat and procps)");
        }
        Object uid;
        try {
            uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            uid = "unknown (" + e + ")";
        }
        if (!Integer.valueOf(0).equals(uid)) {
            throw new IllegalStateException("Network-namespace tests must run as root (`ip netns add` needs "
                    + "CAP_SYS_ADMIN); this JVM runs as uid " + uid + ". The tests run as root here and in CI.");
        }
    }

    private static Path firstExecutable(String... candidates) {
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) return Path.of(c);
        }
        return null;
    }

    private static String run(String... command) {
        Result r = execute(command);
        if (r.exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + r.exit + "): " + r.output);
        }
        return r.output;
    }

    private static String runQuietly(String... command) {
        return execute(command).output;
    }

    private record Result(int exit, String output) {
    }

    private static Result execute(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, output + " (timed out)");
            }
            return new Result(p.exitValue(), output.trim());
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
