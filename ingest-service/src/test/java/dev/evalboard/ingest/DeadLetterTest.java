package dev.evalboard.ingest;

import static dev.evalboard.ingest.IngestTestSupport.count;
import static dev.evalboard.ingest.IngestTestSupport.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.contract.EventTopics;
import dev.evalboard.devstack.testing.BadRecords;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Each kind of bad record goes to the dead-letter topic, unchanged and with its reason; good records still land. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeadLetterTest {

    @Test
    void everyKindOfBadRecordIsDeadLetteredAndTheNextGoodRecordStillLands() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, byte[]> bad = BadRecords.catalogue(run);
        List<byte[]> stream = new ArrayList<>();
        List<String> goodIds = new ArrayList<>();
        int i = 0;
        for (byte[] value : bad.values()) {
            stream.add(value);
            String goodId = "good-" + run + "-" + i++;
            goodIds.add(goodId);
            stream.add(utf8(EventJson.event(goodId, "dlq-model-" + run, "B", 42, null).toString()));
        }
        try (var deadLetters = IngestTestSupport.deadLetterReaderAtEnd()) {
            IngestTestSupport.publishBytes(stream);

            List<ConsumerRecord<byte[], byte[]>> letters = IngestTestSupport.readDeadLetters(deadLetters, bad.size());
            assertEquals(bad.size(), letters.size(), "one dead letter per bad record");
            List<byte[]> expectedValues = new ArrayList<>(bad.values());
            for (int k = 0; k < letters.size(); k++) {
                ConsumerRecord<byte[], byte[]> letter = letters.get(k);
                String kind = new ArrayList<>(bad.keySet()).get(k);
                assertArrayEquals(expectedValues.get(k), letter.value(), kind + ": the original bytes");
                assertArrayEquals(utf8("key"), letter.key(), kind + ": the original key");
                assertNotNull(header(letter, EventTopics.HEADER_ERROR), kind + ": a reason");
                assertEquals("eval.results", header(letter, EventTopics.HEADER_SOURCE_TOPIC));
                assertNotNull(header(letter, EventTopics.HEADER_SOURCE_PARTITION));
                assertNotNull(header(letter, EventTopics.HEADER_SOURCE_OFFSET));
            }
            assertEquals("/score", header(letters.get(7), EventTopics.HEADER_ERROR_FIELD), "NaN score");
            assertEquals("/schemaVersion", header(letters.get(17), EventTopics.HEADER_ERROR_FIELD));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM result WHERE event_id = ANY(?)",
                (Object) goodIds.toArray(String[]::new)) == goodIds.size());
    }

    /**
     * A 3 MB record of invalid JSON, gzip-compressed to a few kilobytes, passes the broker's 1 MB limit on
     * {@code eval.results}; as a dead letter it is stored uncompressed and refused. It is dead-lettered cut down, and
     * the good records behind it land.
     */
    @Test
    void aRecordTooLargeForTheDeadLetterTopicIsCutDownAndIngestMovesOn() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        byte[] huge = utf8("{\"eventId\": \"" + "x".repeat(3 * 1024 * 1024));
        List<String> goodIds = new ArrayList<>();
        try (var deadLetters = IngestTestSupport.deadLetterReaderAtEnd();
                var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                        KafkaTestResource.bootstrapServers(), "compression.type", "gzip",
                        "max.request.size", 16 * 1024 * 1024), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(IngestTestSupport.TOPIC, utf8("key"), huge)).get();
            for (int i = 0; i < 6; i++) {
                String id = "after-huge-" + run + "-" + i;
                goodIds.add(id);
                producer.send(new ProducerRecord<>(IngestTestSupport.TOPIC, utf8("key"),
                        utf8(EventJson.event(id, "dlq-model-" + run, "B", 40 + i, null).toString()))).get();
            }
            List<ConsumerRecord<byte[], byte[]>> letters = IngestTestSupport.readDeadLetters(deadLetters, 1);
            assertEquals(1, letters.size(), "the huge record is dead-lettered");
            ConsumerRecord<byte[], byte[]> letter = letters.get(0);
            assertEquals(Integer.toString(huge.length), header(letter, EventTopics.HEADER_ORIGINAL_SIZE));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(huge)),
                    header(letter, EventTopics.HEADER_ORIGINAL_SHA256));
            assertTrue(header(letter, EventTopics.HEADER_CUT_DOWN).contains("RecordTooLargeException"),
                    header(letter, EventTopics.HEADER_CUT_DOWN));
            assertNotNull(header(letter, EventTopics.HEADER_ERROR), "the reason");
            assertArrayEquals(Arrays.copyOf(huge, letter.value().length), letter.value(), "a prefix of the original");
            assertTrue(letter.value().length < 1024 * 1024, "cut down below the topic's limit");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM result WHERE event_id = ANY(?)",
                (Object) goodIds.toArray(String[]::new)) == goodIds.size());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
