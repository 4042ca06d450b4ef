package dev.evalboard.devstack.publish;

import dev.evalboard.contract.EventTopics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./evalboard publish [--format jsonl|lm-eval] [--subtasks] [--model NAME] [--kafka-config FILE] FILE...}:
 * publishes result events to {@code eval.results}, keyed by model name, and waits for the broker to acknowledge each.
 * The broker and the login come from {@link ProducerSettings}. Exit code 0 when everything was sent, 1 when an input
 * file or line could not be read or a send failed, 2 for a usage error.
 */
public final class Publisher {
    private static final String TOPIC = EventTopics.RESULTS;
    private static final int PROGRESS_FROM = 1000;

    private final PrintStream out;
    private final PrintStream err;
    private final String publishKey;

    /** {@code publishKey}: the secret behind repeatable eventIds for result files, or null (see {@link EventIds}). */
    Publisher(PrintStream out, PrintStream err, String publishKey) {
        this.out = out;
        this.err = err;
        this.publishKey = publishKey;
    }

    public static void main(String[] args) {
        System.exit(publish(args, System.getenv(), System.out, System.err));
    }

    /** What {@code ./evalboard publish} does with {@code args} and {@code environment}; returns the exit code. */
    public static int publish(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return new Publisher(out, err, environment.get(EventIds.KEY_VARIABLE)).run(args, environment);
    }

    int run(String[] args, Map<String, String> environment) {
        String format = "jsonl";
        boolean subtasks = false;
        String model = null;
        Path kafkaConfig = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--kafka-config") && i + 1 < args.length) {
                kafkaConfig = Path.of(args[++i]);
            } else if (args[i].startsWith("--kafka-config=")) {
                kafkaConfig = Path.of(args[i].substring("--kafka-config=".length()));
            } else if (args[i].equals("--format") && i + 1 < args.length) {
                format = args[++i];
            } else if (args[i].startsWith("--format=")) {
                format = args[i].substring("--format=".length());
            } else if (args[i].equals("--subtasks")) {
                subtasks = true;
            } else if (args[i].equals("--model") && i + 1 < args.length && !args[i + 1].isBlank()) {
                model = args[++i].strip();
            } else if (args[i].startsWith("-")) {
                return usage("unknown option " + args[i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (!format.equals("jsonl") && !format.equals("lm-eval")) {
            return usage("--format must be jsonl or lm-eval, not " + format);
        }
        if ((subtasks || model != null) && !format.equals("lm-eval")) {
            return usage("--subtasks and --model apply to --format lm-eval only");
        }
        if (files.isEmpty()) {
            return usage("name at least one file");
        }
        if (kafkaConfig != null && !Files.isRegularFile(kafkaConfig)) {
            return usage("--kafka-config " + kafkaConfig + " is not a readable file");
        }
        Map<String, Object> settings;
        try {
            settings = ProducerSettings.of(environment, kafkaConfig);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        LmEvalReader lmEval = null;
        if (format.equals("lm-eval")) {
            EventIds eventIds;
            try {
                eventIds = publishKey == null || publishKey.isEmpty() ? EventIds.random() : EventIds.keyed(publishKey);
            } catch (IllegalArgumentException e) {
                return usage(e.getMessage());
            }
            if (!eventIds.repeatable()) {
                notes.add("eventIds are random because " + EventIds.KEY_VARIABLE + " is not set: publishing these"
                        + " files again adds their runs again (set it to a secret of yours to make that a no-op)");
            }
            lmEval = new LmEvalReader(eventIds, subtasks, model);
        }
        List<InputRecord> records = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                return usage(file + " is not a readable file");
            }
            try {
                Reading reading = lmEval != null ? lmEval.read(file) : Reading.of(new JsonLinesReader().read(file));
                records.addAll(reading.records());
                notes.addAll(reading.notes());
            } catch (IOException e) {
                records.add(InputRecord.unreadable(file.toString(), "cannot read: " + e.getMessage()));
            }
        }
        notes.forEach(note -> out.println("note: " + note));
        return publish(records, settings);
    }

    private int publish(List<InputRecord> records, Map<String, Object> settings) {
        List<InputRecord> events = records.stream().filter(InputRecord::readable).toList();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (var producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events.size(); i++) {
                InputRecord event = events.get(i);
                producer.send(new ProducerRecord<>(TOPIC, event.key().getBytes(StandardCharsets.UTF_8),
                        event.json().getBytes(StandardCharsets.UTF_8)), (metadata, e) -> {
                            if (e == null) {
                                acknowledged.incrementAndGet();
                            } else {
                                failure.compareAndSet(null, e);
                            }
                        });
                if (events.size() >= PROGRESS_FROM && i % 500 == 0) {
                    progress(acknowledged.get(), events.size());
                }
            }
            producer.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        if (events.size() >= PROGRESS_FROM) {
            progress(acknowledged.get(), events.size());
            err.println();
        }
        out.printf("sent %d of %d events to %s on %s%n", acknowledged.get(), events.size(), TOPIC,
                settings.get("bootstrap.servers"));
        List<InputRecord> unreadable = records.stream().filter(r -> !r.readable()).toList();
        if (!unreadable.isEmpty()) {
            out.printf("%d input records could not be read:%n", unreadable.size());
            unreadable.forEach(r -> out.printf("  %s: %s%n", r.source(), r.problem()));
        }
        if (failure.get() != null) {
            out.printf("%d events were not acknowledged: %s%n", events.size() - acknowledged.get(),
                    failure.get().getMessage());
        }
        return unreadable.isEmpty() && acknowledged.get() == events.size() ? 0 : 1;
    }

    private void progress(int done, int total) {
        int width = 30;
        int filled = (int) ((long) done * width / Math.max(1, total));
        err.printf("\r  [%s%s] %3d%% %d/%d", "#".repeat(filled), " ".repeat(width - filled),
                done * 100L / Math.max(1, total), done, total);
    }

    private int usage(String problem) {
        err.println("evalboard publish: " + problem);
        err.println("usage: ./evalboard publish [--format jsonl|lm-eval] [--subtasks] [--model NAME] "
                + "[--kafka-config FILE] FILE...");
        err.println("  --kafka-config: Kafka client settings (a properties file: bootstrap.servers, security.protocol,"
                + " sasl.mechanism, sasl.jaas.config, ssl.*...), over the environment's");
        err.println("  environment: KAFKA_BOOTSTRAP_SERVERS (default " + ProducerSettings.DEFAULT_BOOTSTRAP
                + "), KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG (any producer setting as"
                + " KAFKA_ + its name in capitals, dots as _), " + EventIds.KEY_VARIABLE
                + " (the secret behind repeatable eventIds for lm-eval files)");
        return 2;
    }
}
