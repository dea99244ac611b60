package org.telestation.server.measurements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.telestation.server.testsupport.Await;
import org.telestation.server.directory.StationService;
import org.telestation.server.testsupport.Stations;
import org.telestation.server.testsupport.TcpProxy;
import org.telestation.station.StationAgent;

/**
 * 10,000 outbox items from a station agent running as its own JVM, while the test pulls the network (connections
 * cut and refused), stalls it (half-open connections), and kills the agent with SIGKILL, restarting it on the same
 * SQLite file. The server must end with exactly 10,000 items, none twice, each stream in order and without gaps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StationOutboxLossTest {
    private static final Logger log = LoggerFactory.getLogger(StationOutboxLossTest.class);
    static final int ITEMS = 10_000;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired StationService stations;
    String enrolmentCode;
    @TempDir Path dir;

    @Test
    void tenThousandItemsArriveExactlyOnceAndInOrderThroughCutsAndKills() throws Exception {
        var created = Stations.create(stations, "CHR-LOSS-01");
        enrolmentCode = created.enrolmentCode();
        UUID stationId = created.station().id();
        Random random = new Random(Long.getLong("loss.seed", System.nanoTime()));
        long started = System.nanoTime();
        try (TcpProxy network = new TcpProxy(port)) {
            this.network = network;
            agent = startAgent(network.port(), 0);
            // Enrolment is a one-time exchange: killing the agent inside it would need a new code from the
            // coordinator (docs/station.md), which is not what this test is about. Chaos starts once enrolled.
            Await.until(Duration.ofSeconds(30), "the agent enrolled",
                    () -> java.nio.file.Files.exists(dir.resolve("credential.properties")));
            // Each kind of fault strikes at least once in mid-stream, at a random point of the server's progress
            // (a fast machine would otherwise drain everything before the first random strike)…
            List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2));
            java.util.Collections.shuffle(kinds, random);
            for (int i = 0; i < kinds.size(); i++) {
                long progress = 300L + i * 2500L + random.nextInt(2000);
                Await.until(Duration.ofSeconds(90), "the server holds " + progress + " items",
                        () -> stored(stationId) >= progress);
                strike(kinds.get(i), random);
            }
            // …then more strike at random times until the server holds everything (or 20 in all).
            for (int event = kinds.size(); event < 20 && stored(stationId) < ITEMS; event++) {
                Thread.sleep(300 + random.nextInt(1500));
                strike(random.nextInt(3), random);
            }
            Process last = agent;
            int lastRun = starts - 1;
            assertThat(kills).as("SIGKILLs in mid-stream").isPositive();
            assertThat(cuts).as("network cuts in mid-stream").isPositive();
            assertThat(stalls).as("network stalls in mid-stream").isPositive();
            try {
                Await.until(Duration.ofSeconds(90), "all items stored on the server", () -> stored(stationId) >= ITEMS);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " (" + stored(stationId) + " stored; agent alive="
                        + last.isAlive() + "; its log ends with:\n" + tail(dir.resolve("agent-" + lastRun + ".log")) + ")");
            }
            // The agent learns of the last acknowledgements shortly after; its outbox must end empty.
            Path outboxFile = dir.resolve("outbox.db");
            Await.until(Duration.ofSeconds(30), "the agent's outbox drained", () -> pendingInAgent(outboxFile) == 0);
            last.destroyForcibly().waitFor();
        }

        long total = jdbc.sql("select count(*) from station_item where station_id = :s").param("s", stationId)
                .query(Long.class).single();
        long distinct = jdbc.sql("select count(distinct idempotency_key) from station_item where station_id = :s")
                .param("s", stationId).query(Long.class).single();
        assertThat(total).isEqualTo(ITEMS);
        assertThat(distinct).isEqualTo(ITEMS);
        // In order per stream: by arrival order (id), each stream reads 1, 2, 3… with no gap.
        Map<String, List<Long>> byStream = new java.util.TreeMap<>();
        jdbc.sql("select stream, stream_seq from station_item where station_id = :s order by id").param("s", stationId)
                .query((rs, n) -> byStream.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        assertThat(byStream).hasSize(3);
        for (var e : byStream.entrySet()) {
            List<Long> seqs = e.getValue();
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("stream %s position %d", e.getKey(), i).isEqualTo(i + 1L);
            }
        }
        long duplicates = 0;
        Pattern p = Pattern.compile("(\\d+) duplicate");
        for (String detail : jdbc.sql("select detail from audit_event where actor = 'CHR-LOSS-01' and resource_type = 'StationItem'")
                .query(String.class).list()) {
            Matcher m = p.matcher(detail);
            if (m.find()) duplicates += Long.parseLong(m.group(1));
        }
        log.info("LOSS TEST: {} items stored exactly once in {} s; {} SIGKILLs, {} network cuts, {} stalls; "
                        + "{} resent items recognised as duplicates",
                total, (System.nanoTime() - started) / 1_000_000_000, kills, cuts, stalls, duplicates);
    }

    private static String tail(Path file) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private long stored(UUID stationId) {
        return jdbc.sql("select count(*) from station_item where station_id = :s").param("s", stationId)
                .query(Long.class).single();
    }

    private static long pendingInAgent(Path outboxFile) {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + outboxFile);
             var rs = c.createStatement().executeQuery(
                     "select count(*) from outbox_item where state in ('QUEUED','SENDING')")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1; // busy: ask again
        }
    }

    private TcpProxy network;
    private Process agent;
    private int starts = 1;
    private int kills;
    private int cuts;
    private int stalls;

    /** One fault: 0 = SIGKILL the agent and restart it on the same outbox, 1 = cut the network, 2 = stall it. */
    private void strike(int kind, Random random) throws Exception {
        switch (kind) {
            case 0 -> {
                agent.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
                kills++;
                agent = startAgent(network.port(), starts++);
            }
            case 1 -> {
                network.cut();
                cuts++;
                Thread.sleep(200 + random.nextInt(1500));
                network.restore();
            }
            default -> {
                network.stall();
                stalls++;
                Thread.sleep(500 + random.nextInt(2500));
                network.restore();
            }
        }
    }

    private Process startAgent(int proxyPort, int run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp", System.getProperty("java.class.path"), StationAgent.class.getName(),
                "--set", "telestation.server.url=http://localhost:" + proxyPort,
                "--set", "telestation.station.code=CHR-LOSS-01",
                "--set", "telestation.enrolment.code=" + enrolmentCode,
                "--set", "telestation.credential.file=" + dir.resolve("credential.properties"),
                "--set", "telestation.outbox.file=" + dir.resolve("outbox.db"),
                "--set", "telestation.outbox.min-free-disk-mb=0",
                "--set", "telestation.ui.port=0",
                "--set", "telestation.retry.base-ms=50",
                "--set", "telestation.retry.max-ms=500",
                "--set", "telestation.upload.timeout-ms=2000",
                "--set", "telestation.link.heartbeat-ms=500",
                "--generate", String.valueOf(ITEMS)));
        File logFile = dir.resolve("agent-" + run + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile).start();
    }
}
