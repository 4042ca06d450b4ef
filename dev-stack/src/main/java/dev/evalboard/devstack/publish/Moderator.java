package dev.evalboard.devstack.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalboard.contract.EventTopics;
import dev.evalboard.contract.ModerationParser;
import dev.evalboard.contract.ModerationRecord;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./evalboard moderate [--kafka-config FILE] flag MODEL REASON [URL] | unflag MODEL | retract EVENT_ID REASON}:
 * sends one moderation record to {@code eval.moderation} and waits for the broker's acknowledgement. The record is
 * checked with ingest's rules first, so a mistake is reported here instead of landing in the dead-letter topic.
 * Exit code 0 when sent, 1 when the send failed, 2 for a usage error or a record that breaks a rule.
 */
public final class Moderator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE = "usage: ./evalboard moderate [--kafka-config FILE] flag MODEL REASON [URL]"
            + " | unflag MODEL | retract EVENT_ID REASON";

    private Moderator() {
    }

    public static void main(String[] args) {
        System.exit(moderate(args, System.getenv(), System.out, System.err));
    }

    /** What {@code ./evalboard moderate} does with {@code args} and {@code environment}; returns the exit code. */
    public static int moderate(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Path kafkaConfig = null;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--kafka-config") && i + 1 < args.length) {
                kafkaConfig = Path.of(args[++i]);
            } else {
                words.add(args[i]);
            }
        }
        ObjectNode record = record(words);
        if (record == null) {
            err.println(USAGE);
            return 2;
        }
        byte[] value = record.toString().getBytes(StandardCharsets.UTF_8);
        if (new ModerationParser().parse(value) instanceof ModerationRecord.Rejected rejected) {
            err.println("evalboard moderate: " + rejected.violation().message());
            return 2;
        }
        if (kafkaConfig != null && !Files.isRegularFile(kafkaConfig)) {
            err.println("evalboard moderate: --kafka-config " + kafkaConfig + " is not a readable file");
            return 2;
        }
        Map<String, Object> settings;
        try {
            settings = ProducerSettings.of(environment, kafkaConfig);
        } catch (IllegalArgumentException e) {
            err.println("evalboard moderate: " + e.getMessage());
            return 2;
        }
        try (var producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(EventTopics.MODERATION, words.get(1).getBytes(StandardCharsets.UTF_8),
                    value)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            err.println("evalboard moderate: not acknowledged: " + e.getMessage());
            return 1;
        }
        out.printf("sent %s to %s on %s%n", record, EventTopics.MODERATION, settings.get("bootstrap.servers"));
        return 0;
    }

    /** The record the words ask for, or null when they do not fit the usage. */
    private static ObjectNode record(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        ObjectNode record = JSON.createObjectNode().put("action", words.get(0));
        switch (words.get(0)) {
            case "flag" -> {
                if (words.size() != 3 && words.size() != 4) {
                    return null;
                }
                record.put("model", words.get(1)).put("reason", words.get(2));
                if (words.size() == 4) {
                    record.put("url", words.get(3));
                }
            }
            case "unflag" -> {
                if (words.size() != 2) {
                    return null;
                }
                record.put("model", words.get(1));
            }
            case "retract" -> {
                if (words.size() != 3) {
                    return null;
                }
                record.put("eventId", words.get(1)).put("reason", words.get(2));
            }
            default -> {
                return null;
            }
        }
        return record;
    }
}
