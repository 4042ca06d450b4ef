package dev.evalboard.query.cache;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Holds {@code LISTEN evalboard_results_changed} on a dedicated connection (not from the pool) and clears the
 * {@link ResponseCache} on every notification. ingest-service sends the notification inside each batch
 * transaction that stored something, so PostgreSQL delivers it when that batch commits. If the connection fails
 * the cache is emptied and bypassed, and the listener reconnects with exponential back-off (0.1 s to 5 s).
 */
@ApplicationScoped
public class ChangeListener {
    /** The channel of ingest-service's {@code ResultStore.CHANGED_CHANNEL}. */
    public static final String CHANNEL = "evalboard_results_changed";
    public static final String APPLICATION_NAME = "evalboard-query-cache-listener";
    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final int POLL_MILLIS = 500;
    private static final long CHECK_EVERY_MILLIS = 5_000;
    private static final long MIN_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final ResponseCache cache;
    private final CacheConfig config;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;
    private final Deque<String> recentPayloads = new ArrayDeque<>();
    private final AtomicLong listens = new AtomicLong();

    public ChangeListener(ResponseCache cache, CacheConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.config = config;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        Thread t = new Thread(this::run, "query-cache-listener");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            closeQuietly(connection);
        }
    }

    /**
     * Whether one of the last 64 notifications carried this payload. Notifications arrive in commit order, so a
     * caller that sends a unique payload after a change committed knows, once it is seen, that the change's
     * notification was handled (tests use this as a barrier).
     */
    public boolean hasSeen(String payload) {
        synchronized (recentPayloads) {
            return recentPayloads.contains(payload);
        }
    }

    /** How many times a LISTEN was established (reconnections included). */
    public long listens() {
        return listens.get();
    }

    private void remember(PGNotification[] notifications) {
        synchronized (recentPayloads) {
            for (PGNotification notification : notifications) {
                recentPayloads.addLast(notification.getParameter());
                if (recentPayloads.size() > 64) {
                    recentPayloads.removeFirst();
                }
            }
        }
    }

    private void run() {
        long backoff = MIN_BACKOFF_MILLIS;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                PGConnection pg = c.unwrap(PGConnection.class);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                cache.listening();
                listens.incrementAndGet();
                LOG.infof("listening on %s; the response cache is in use", CHANNEL);
                backoff = MIN_BACKOFF_MILLIS;
                long lastCheck = System.currentTimeMillis();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        cache.invalidateAll();
                        remember(notifications);
                    } else if (System.currentTimeMillis() - lastCheck >= CHECK_EVERY_MILLIS) {
                        // A half-open connection raises nothing on its own: ask it.
                        if (!c.isValid(2)) {
                            throw new SQLException("the listener connection stopped answering");
                        }
                        lastCheck = System.currentTimeMillis();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("change listener lost its connection (%s); bypassing the cache, retrying in %d ms",
                            e.getMessage(), backoff);
                }
            } finally {
                cache.notListening();
                connection = null;
            }
            if (!running) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "5");
        Connection c = new org.postgresql.Driver().connect(url, properties);
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        c.setAutoCommit(true);
        return c;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // shutting down
            }
        }
    }
}
