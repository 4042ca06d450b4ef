package dev.evalboard.ingest;

import static dev.evalboard.ingest.IngestTestSupport.count;
import static dev.evalboard.ingest.IngestTestSupport.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.evalboard.contract.EventTopics;
import dev.evalboard.devstack.testing.BadRecords;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
