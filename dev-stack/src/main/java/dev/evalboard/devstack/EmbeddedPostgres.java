package dev.evalboard.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (zonky's packaged binaries) running as a child process. Its data directory survives a
 * restart, so data written before {@link #close()} or {@link #crash()} is there after {@link #restart()}.
 *
 * <p>It runs with the durability settings of a production server: {@code synchronous_commit=on} (zonky's default is
 * off, with which a {@code COMMIT} returns before its WAL is written and a crash loses it) and {@code fsync=on}.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String DATABASE = "postgres";
    /** The settings every embedded server runs with; tests, the local stack and the benchmarks alike. */
    public static final Map<String, String> DURABILITY = Map.of("synchronous_commit", "on", "fsync", "on",
            "full_page_writes", "on");
    /**
     * Memory as k8s/postgres.yaml gives the deployed servers: shared buffers of a quarter of the pod's 2 GiB, so that
     * a store of a million results is served from them, as it would be in production (with the default 128 MB,
     * ingest's backends read and wrote back some 200 pages of every batch themselves). Pages are taken as they are
     * used: a small store takes little of it.
     */
    public static final Map<String, String> MEMORY = Map.of("shared_buffers", "512MB");
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class.getName());
    // Crash recovery after a kill replays the WAL before the server accepts connections.
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private final Path dataDir;
    private final int port;
    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts PostgreSQL on {@code port} (0 picks a free port), creating the cluster in {@code dataDir} if new. */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        EmbeddedPostgres postgres = new EmbeddedPostgres(dataDir, port == 0 ? FreePorts.pick() : port);
        postgres.restart();
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public synchronized void restart() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("max_connections", "200");
            DURABILITY.forEach(builder::setServerConfig);
            MEMORY.forEach(builder::setServerConfig);
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
        }
        LOG.info(() -> "PostgreSQL on port " + port + " runs with " + settings(DURABILITY.keySet().stream()
                .sorted().toList()));
    }

    /** The server's effective values of the named settings, as {@code SHOW} reports them. */
    public Map<String, String> settings(List<String> names) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
                Statement s = c.createStatement()) {
            Map<String, String> values = new TreeMap<>();
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    values.put(name, rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the settings of PostgreSQL on port " + port, e);
        }
    }

    /**
     * Starts a streaming hot standby of this server in {@code standbyDir} on {@code port} (0 picks a free port), as a
     * replica of a CloudNativePG cluster is: this server is stopped cleanly, its data directory copied, and restarted;
     * the copy gets {@code standby.signal} and a {@code primary_conninfo} that points here. The standby serves reads
     * and refuses writes (and {@code LISTEN}); it shows a commit once it has replayed the commit's WAL position.
     */
    public EmbeddedPostgres startStandby(Path standbyDir, int port) {
        close();
        try {
            copyDataDirectory(dataDir, standbyDir);
            restart();
            Files.writeString(standbyDir.resolve("standby.signal"), "");
            Files.writeString(standbyDir.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=localhost port="
                    + this.port + " user=" + USER + " application_name=evalboard-standby'\n",
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            restart();
            throw new UncheckedIOException("cannot make a standby in " + standbyDir, e);
        }
        return start(standbyDir, port);
    }

    /**
     * A cleanly stopped server's directory, less what belongs to the running instance that owned it; only its owner
     * may read it, or PostgreSQL refuses to start on it.
     */
    private static void copyDataDirectory(Path from, Path to) throws IOException {
        List<String> ownedByTheInstance = List.of("postmaster.pid", "postmaster.opts", "epg-lock");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!ownedByTheInstance.contains(path.getFileName().toString())) {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        if (to.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * Kills the postmaster and every backend with SIGKILL, as a machine or OOM-killer crash would: no checkpoint, no
     * WAL flush. {@link #restart()} then runs crash recovery.
     */
    public synchronized void crash() {
        if (server == null) {
            return;
        }
        ProcessHandle postmaster = postmasterPid().flatMap(ProcessHandle::of)
                .orElseThrow(() -> new IllegalStateException("no running postmaster in " + dataDir));
        // The backends first become orphans if the postmaster dies first, so take the list before killing any.
        List<ProcessHandle> all = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().join();
        }
        try {
            server.close(); // pg_ctl stop fails on the dead server; this releases zonky's lock on the directory
        } catch (IOException | RuntimeException e) {
            // expected: there is no server to stop
        } finally {
            server = null;
        }
    }

    private Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }
}
