package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.evalboard.contract.EventTopics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Scenario 9: a hostile publisher. A 3 MB record of invalid JSON, gzip-compressed so that {@code eval.results}
 * takes it, which the dead-letter topic refuses uncompressed; then 10,000 good events with 20 events that try to
 * flip how AIME 2024 is judged (higherIsBetter false, unit raw). Every good event is stored, the huge record is
 * dead-lettered cut down, each flip is dead-lettered with its field, and the benchmark is judged as before.
 */
class HostilePublisherTest {
    private static final String PREFIX = "publisher";
    private static final int GOOD = 10_000;
    private static final int FLIPS = 20;
    private static final String BENCHMARK = "AIME 2024";

    @Test
    void neitherAnOversizedRecordNorAttemptedFlipsStopIngestOrChangeABoard() throws Exception {
        long seed = Seeds.seed("hostile publisher");
        List<SentEvent> good = ResultStream.generate(PREFIX, GOOD, seed);
        byte[] huge = ("{\"eventId\": \"" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        List<StreamPublisher.Message> stream = new ArrayList<>();
        int flips = 0;
        for (int i = 0; i < GOOD; i++) {
            stream.add(StreamPublisher.Message.of(good.get(i)));
            if (i % (GOOD / FLIPS) == 0) {
                stream.add(new StreamPublisher.Message(utf8("flipper"), flip(stream.size(), flips++ % 2 == 0)));
            }
        }
        try (FaultLab lab = FaultLab.start("hostile-publisher", 3)) {
            lab.startIngest("ingest");
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    lab.bootstrapServers(), "compression.type", "gzip", "max.request.size", 16 * 1024 * 1024),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(FaultLab.TOPIC, utf8("settler"), settlingEvent())).get();
                Await.until("the settling event stored", Duration.ofMinutes(1),
                        () -> lab.storedCount("settle") == 1, () -> "not yet");
                producer.send(new ProducerRecord<>(FaultLab.TOPIC, utf8("huge"), huge)).get();
            }
            try (StreamPublisher publisher = StreamPublisher.start(lab.bootstrapServers(), stream, 5_000)) {
                publisher.awaitAllAcknowledged(Duration.ofMinutes(5));
            }
            StoreCheck check = IngestOutcome.assertExactlyStored(lab, PREFIX, good, Duration.ofMinutes(5));

            Map<String, Integer> lettersByField = new TreeMap<>();
            ConsumerRecord<byte[], byte[]> cutDown = null;
            for (ConsumerRecord<byte[], byte[]> letter : new KafkaProbe(lab).deadLetters()) {
                if (header(letter, EventTopics.HEADER_ORIGINAL_SIZE) != null) {
                    cutDown = letter;
                } else {
                    lettersByField.merge(String.valueOf(header(letter, EventTopics.HEADER_ERROR_FIELD)), 1,
                            Integer::sum);
                }
            }
            assertNotNull(cutDown, "the huge record is dead-lettered, cut down");
            assertEquals(Integer.toString(huge.length), header(cutDown, EventTopics.HEADER_ORIGINAL_SIZE));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(huge)),
                    header(cutDown, EventTopics.HEADER_ORIGINAL_SHA256));
            assertEquals(Map.of("/higherIsBetter", FLIPS / 2, "/unit", FLIPS / 2), lettersByField,
                    "each flip dead-lettered once, with the field it tried to change");
            assertEquals("true percent", judgement(lab), "how " + BENCHMARK + " is judged");
            ReliabilityReport.record("9. hostile publisher: 3 MB gzip record, 20 flips", String.format(
                    "%,d good events stored of %,d (lost %d, lag 0); the 3 MB record dead-lettered cut down to %,d B "
                    + "with its size and SHA-256; %d flips dead-lettered %s; %s still higher-is-better, percent",
                    check.stored(), GOOD, check.lost(), cutDown.value().length, FLIPS, lettersByField, BENCHMARK));
        }
    }

    /** The first statement about the benchmark, which settles it as the reference data does. */
    private static byte[] settlingEvent() {
        return utf8("{\"eventId\":\"settle-1\",\"model\":{\"name\":\"settler\"},\"benchmark\":\"" + BENCHMARK
                + "\",\"score\":50,\"higherIsBetter\":true,\"unit\":\"percent\","
                + "\"evaluatedAt\":\"2025-01-01T00:00:00Z\"}");
    }

    /** A valid event, dated after every good one, that states the other direction or the other unit. */
    private static byte[] flip(int n, boolean direction) {
        String claim = direction ? "\"higherIsBetter\":false" : "\"unit\":\"raw\"";
        return utf8("{\"eventId\":\"flip-" + n + "\",\"model\":{\"name\":\"flipper\"},\"benchmark\":\"" + BENCHMARK
                + "\",\"score\":1," + claim + ",\"evaluatedAt\":\"2026-01-01T00:00:00Z\"}");
    }

    private static String judgement(FaultLab lab) throws Exception {
        try (Connection db = lab.database(); ResultSet rs = db.createStatement().executeQuery(
                "SELECT higher_is_better, unit FROM benchmark WHERE name = 'AIME 2024' AND metric = 'pass@1'")) {
            rs.next();
            return rs.getBoolean(1) + " " + rs.getString(2);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
