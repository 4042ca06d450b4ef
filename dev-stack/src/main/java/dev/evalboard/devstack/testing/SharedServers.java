package dev.evalboard.devstack.testing;

import dev.evalboard.devstack.EmbeddedKafka;
import dev.evalboard.devstack.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The servers a test JVM shares: one embedded broker and one embedded PostgreSQL, started on first use in a fresh
 * temporary directory and stopped when the JVM exits. Test classes and Quarkus restarts reuse them.
 */
public final class SharedServers {
    private static EmbeddedKafka kafka;
    private static EmbeddedPostgres postgres;

    private SharedServers() {
    }

    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start(tempDir("evalboard-test-kafka"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-stop"));
        }
        return kafka;
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgres.start(tempDir("evalboard-test-pg"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "embedded-postgres-stop"));
        }
        return postgres;
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
