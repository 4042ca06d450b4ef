package dev.evalboard.ingest;

import static dev.evalboard.ingest.IngestTestSupport.count;
import static dev.evalboard.ingest.IngestTestSupport.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.evalboard.contract.EventTopics;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    private static Map<String, byte[]> badRecords(String run) {
        String ok = "{\"eventId\":\"x-" + run + "\",\"model\":{\"name\":\"m\"},\"benchmark\":\"b\",";
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("not JSON", utf8("this is not json"));
        bad.put("not an object", utf8("[1,2]"));
        bad.put("missing eventId", utf8("{\"model\":{\"name\":\"m\"},\"benchmark\":\"b\",\"score\":1}"));
        bad.put("missing model.name", utf8("{\"eventId\":\"e\",\"model\":{},\"benchmark\":\"b\",\"score\":1}"));
        bad.put("missing benchmark", utf8("{\"eventId\":\"e\",\"model\":{\"name\":\"m\"},\"score\":1}"));
        bad.put("missing score", utf8(ok + "\"metric\":\"pass@1\"}"));
        bad.put("wrong type", utf8(ok + "\"score\":\"high\"}"));
        bad.put("NaN score", utf8(ok + "\"score\":NaN}"));
        bad.put("Infinity score", utf8(ok + "\"score\":Infinity}"));
        bad.put("score 100.5", utf8(ok + "\"score\":100.5}"));
        bad.put("negative parameters", utf8(ok.replace("\"name\":\"m\"", "\"name\":\"m\",\"parameters\":-1")
                + "\"score\":1}"));
        bad.put("non-integer parameters", utf8(ok.replace("\"name\":\"m\"", "\"name\":\"m\",\"parameters\":1.5")
                + "\"score\":1}"));
        bad.put("activeParameters > parameters", utf8(ok.replace("\"name\":\"m\"",
                "\"name\":\"m\",\"parameters\":2,\"activeParameters\":3") + "\"score\":1}"));
        bad.put("unknown openness", utf8(ok.replace("\"name\":\"m\"", "\"name\":\"m\",\"openness\":\"public\"")
                + "\"score\":1}"));
        bad.put("unparsable evaluatedAt", utf8(ok + "\"score\":1,\"evaluatedAt\":\"last tuesday\"}"));
        bad.put("10 KB model name", utf8(ok.replace("\"name\":\"m\"", "\"name\":\"" + "n".repeat(10_240) + "\"")
                + "\"score\":1}"));
        bad.put("control characters", utf8(ok.replace("\"name\":\"m\"", "\"name\":\"m\\u001b[31m\"")
                + "\"score\":1}"));
        bad.put("unknown newer schemaVersion", utf8(ok + "\"score\":1,\"schemaVersion\":99}"));
        bad.put("empty value", new byte[0]);
        bad.put("invalid UTF-8", new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});
        return bad;
    }

    @Test
    void everyKindOfBadRecordIsDeadLetteredAndTheNextGoodRecordStillLands() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, byte[]> bad = badRecords(run);
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
