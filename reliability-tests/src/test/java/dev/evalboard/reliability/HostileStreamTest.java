package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.evalboard.contract.EventTopics;
import dev.evalboard.devstack.ServiceProcess;
import dev.evalboard.devstack.testing.BadRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5: one record in ten is hostile: every kind the contract rejects, 1 MB values and invalid UTF-8. Every
 * hostile record ends in the dead-letter topic once, with its reason, every good one is stored, and the lag drains to
 * zero, although a second instance joins mid-stream and the partitions are handed over while batches are stored.
 */
class HostileStreamTest {
    private static final String PREFIX = "hostile";
    private static final int RECORDS = 20_000;
    private static final int ONE_MB = 1_000_000;
    private static final Pattern LAG = Pattern.compile("(?m)^evalboard_ingest_consumer_lag\\S* (\\S+)$");

    @Test
    void everyHostileRecordIsDeadLetteredWithItsReasonAndEveryGoodOneIsStored() throws Exception {
        long seed = Seeds.seed("hostile stream");
        List<byte[]> kinds = hostileKinds(new Random(seed));
        List<SentEvent> good = ResultStream.generate(PREFIX, RECORDS - RECORDS / 10, seed);
        List<StreamPublisher.Message> stream = new ArrayList<>();
        Map<String, Integer> hostileSent = new HashMap<>();
        int next = 0;
        for (int i = 0; i < RECORDS; i++) {
            if (i % 10 == 9) {
                byte[] value = kinds.get(i / 10 % kinds.size());
                hostileSent.merge(fingerprint(value), 1, Integer::sum);
                stream.add(new StreamPublisher.Message(("hostile-" + i).getBytes(StandardCharsets.UTF_8), value));
            } else {
                stream.add(StreamPublisher.Message.of(good.get(next++)));
            }
        }
        try (FaultLab lab = FaultLab.start("hostile-stream", 3)) {
            ServiceProcess ingest = lab.startIngest("ingest");
            // 20 s of stream: the second instance, ready in a few seconds, joins while batches are being stored.
            try (StreamPublisher publisher = StreamPublisher.start(lab.bootstrapServers(), stream, 1_000)) {
                Await.until("a tenth of the good records stored", Duration.ofMinutes(2),
                        () -> lab.storedCount(PREFIX) >= good.size() / 10, () -> "fewer");
                lab.startIngest("ingest-joining");
                publisher.awaitAllAcknowledged(Duration.ofMinutes(5));
            }
            StoreCheck check = IngestOutcome.assertExactlyStored(lab, PREFIX, good, Duration.ofMinutes(5));

            List<ConsumerRecord<byte[], byte[]>> letters = new KafkaProbe(lab).deadLetters();
            Map<String, Integer> deadLettered = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> letter : letters) {
                deadLettered.merge(fingerprint(letter.value()), 1, Integer::sum);
                Header reason = letter.headers().lastHeader(EventTopics.HEADER_ERROR);
                assertNotNull(reason, "a dead letter without its reason");
            }
            assertEquals(hostileSent, deadLettered, "each hostile record dead-lettered once, with its original bytes");
            Await.until("the service's own lag gauge at zero", Duration.ofMinutes(1),
                    () -> serviceLag(ingest) == 0, () -> "not zero");
            ReliabilityReport.record("5. one record in ten hostile", String.format(
                    "%,d records, %,d hostile of %d kinds (incl. 1 MB values, invalid UTF-8), a second instance "
                    + "joining mid-stream, DLQ %,d with reasons, each once, good stored %,d of %,d, lost %d, lag 0", RECORDS, RECORDS / 10, kinds.size(), letters.size(),
                    check.stored(), good.size(), check.lost()));
        }
    }

    /** The contract's catalogue of bad records plus two of a megabyte: a valid-looking event and binary noise. */
    private static List<byte[]> hostileKinds(Random random) {
        List<byte[]> kinds = new ArrayList<>(BadRecords.catalogue(PREFIX).values());
        String head = "{\"eventId\":\"hostile-huge\",\"model\":{\"name\":\"m\"},\"benchmark\":\"b\",\"score\":1,"
                + "\"source\":\"";
        kinds.add((head + "s".repeat(ONE_MB - head.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] noise = new byte[ONE_MB];
        random.nextBytes(noise);
        kinds.add(noise);
        return kinds;
    }

    private static String fingerprint(byte[] value) {
        return value.length + ":" + Arrays.hashCode(value);
    }

    private static double serviceLag(ServiceProcess ingest) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest.managementUrl() + "/q/metrics")).build();
        String metrics = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher lag = LAG.matcher(metrics);
        return lag.find() ? Double.parseDouble(lag.group(1)) : -1;
    }
}
