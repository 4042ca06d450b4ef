package dev.evalboard.ingest.messaging;

import dev.evalboard.contract.EventTopics;
import dev.evalboard.ingest.config.IngestConfig;
import dev.evalboard.ingest.service.RejectedRecord;
import dev.evalboard.ingest.service.TransientFailure;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends rejected records to the dead-letter topic with their original key and value bytes and the contract's
 * error headers, and waits for the broker to acknowledge them.
 */
@ApplicationScoped
public class DeadLetterPublisher {
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public DeadLetterPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            IngestConfig config) {
        Map<String, Object> props = new HashMap<>(KafkaClientConfig.clientProperties(kafkaConfig));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "evalboard-ingest-dlq");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = config.deadLetterTopic();
    }

    /** @throws TransientFailure when the broker did not acknowledge every dead letter */
    public void publish(List<RejectedRecord> rejected) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(rejected.size());
        try {
            for (RejectedRecord r : rejected) {
                ConsumerRecord<byte[], byte[]> source = r.record();
                sends.add(producer.send(new ProducerRecord<>(topic, null, source.key(), source.value(),
                        headers(r))));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new TransientFailure("the dead-letter topic did not take the rejected records: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while sending dead letters", e);
        }
    }

    private static Headers headers(RejectedRecord r) {
        ConsumerRecord<byte[], byte[]> source = r.record();
        Headers headers = new RecordHeaders();
        source.headers().forEach(headers::add);
        headers.add(EventTopics.HEADER_ERROR, utf8(r.violation().message()));
        if (r.violation().pointer() != null) {
            headers.add(EventTopics.HEADER_ERROR_FIELD, utf8(r.violation().pointer()));
        }
        headers.add(EventTopics.HEADER_SOURCE_TOPIC, utf8(source.topic()));
        headers.add(EventTopics.HEADER_SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
        headers.add(EventTopics.HEADER_SOURCE_OFFSET, utf8(Long.toString(source.offset())));
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
