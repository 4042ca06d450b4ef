package dev.evalboard.ingest.messaging;

import dev.evalboard.contract.EventTopics;
import dev.evalboard.ingest.service.RejectedRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The forms a dead letter can take, tried in order until the topic takes one: the record as it came; cut down to a
 * prefix of its value with its own headers; and bare, with only Evalboard's headers. A record that was taken by
 * {@code eval.results} can be refused by the dead-letter topic (a compressed record is stored uncompressed there, a
 * topic may set a smaller {@code max.message.bytes}), and a refused dead letter must never hold its partition.
 */
enum DeadLetterShape {
    WHOLE(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE),
    CUT_DOWN(64 * 1024, 1024, 16 * 1024),
    BARE(0, 0, 0);

    private final int maxValueBytes;
    private final int maxKeyBytes;
    private final int maxOriginalHeaderBytes;

    DeadLetterShape(int maxValueBytes, int maxKeyBytes, int maxOriginalHeaderBytes) {
        this.maxValueBytes = maxValueBytes;
        this.maxKeyBytes = maxKeyBytes;
        this.maxOriginalHeaderBytes = maxOriginalHeaderBytes;
    }

    /** The next form to try after this one was refused, or null after the last. */
    DeadLetterShape smaller() {
        return this == BARE ? null : values()[ordinal() + 1];
    }

    /** @param refusal why the larger form was refused (null for the whole record) */
    ProducerRecord<byte[], byte[]> letter(String topic, RejectedRecord rejected, String refusal) {
        ConsumerRecord<byte[], byte[]> source = rejected.record();
        Headers headers = new RecordHeaders();
        if (headerBytes(source.headers()) <= maxOriginalHeaderBytes) {
            source.headers().forEach(headers::add);
        }
        add(headers, EventTopics.HEADER_ERROR, rejected.violation().message());
        if (rejected.violation().pointer() != null) {
            add(headers, EventTopics.HEADER_ERROR_FIELD, rejected.violation().pointer());
        }
        add(headers, EventTopics.HEADER_SOURCE_TOPIC, source.topic());
        add(headers, EventTopics.HEADER_SOURCE_PARTITION, Integer.toString(source.partition()));
        add(headers, EventTopics.HEADER_SOURCE_OFFSET, Long.toString(source.offset()));
        byte[] value = source.value();
        if (this != WHOLE) {
            add(headers, EventTopics.HEADER_CUT_DOWN, refusal);
            add(headers, EventTopics.HEADER_ORIGINAL_SIZE, Integer.toString(value == null ? 0 : value.length));
            add(headers, EventTopics.HEADER_ORIGINAL_SHA256, sha256(value));
        }
        return new ProducerRecord<>(topic, null, prefix(source.key(), maxKeyBytes, true),
                prefix(value, maxValueBytes, false), headers);
    }

    /** A key too long to keep is dropped rather than cut: a cut key would partition like a different one. */
    private static byte[] prefix(byte[] bytes, int max, boolean dropIfLonger) {
        if (bytes == null || bytes.length <= max) {
            return bytes;
        }
        return dropIfLonger ? null : Arrays.copyOf(bytes, max);
    }

    private static int headerBytes(Headers headers) {
        int total = 0;
        for (Header header : headers) {
            total += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return total;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(bytes == null ? new byte[0] : bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
