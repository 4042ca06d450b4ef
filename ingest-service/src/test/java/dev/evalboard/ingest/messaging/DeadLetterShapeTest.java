package dev.evalboard.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.contract.EventTopics;
import dev.evalboard.contract.Violation;
import dev.evalboard.ingest.service.RejectedRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterShapeTest {
    private static final byte[] VALUE = "v".repeat(200_000).getBytes(StandardCharsets.UTF_8);

    @Test
    void theWholeLetterKeepsTheRecordAsItCameWithTheContractsHeaders() {
        ProducerRecord<byte[], byte[]> letter = DeadLetterShape.WHOLE.letter("dlq", rejected(utf8("k"), VALUE, 10),
                null);
        assertArrayEquals(VALUE, letter.value());
        assertArrayEquals(utf8("k"), letter.key());
        assertEquals("bad score", header(letter, EventTopics.HEADER_ERROR));
        assertEquals("/score", header(letter, EventTopics.HEADER_ERROR_FIELD));
        assertEquals("eval.results", header(letter, EventTopics.HEADER_SOURCE_TOPIC));
        assertEquals("2", header(letter, EventTopics.HEADER_SOURCE_PARTITION));
        assertEquals("77", header(letter, EventTopics.HEADER_SOURCE_OFFSET));
        assertEquals("publisher", header(letter, "origin"), "the record's own headers");
        assertNull(header(letter, EventTopics.HEADER_ORIGINAL_SHA256), "nothing was cut");
    }

    @Test
    void aCutDownLetterKeepsAPrefixTheSizeAndTheDigestOfTheOriginal() throws Exception {
        ProducerRecord<byte[], byte[]> letter = DeadLetterShape.CUT_DOWN.letter("dlq", rejected(utf8("k"), VALUE, 10),
                "RecordTooLargeException");
        assertEquals(64 * 1024, letter.value().length);
        assertArrayEquals(Arrays.copyOf(VALUE, 64 * 1024), letter.value());
        assertEquals("200000", header(letter, EventTopics.HEADER_ORIGINAL_SIZE));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(VALUE)),
                header(letter, EventTopics.HEADER_ORIGINAL_SHA256));
        assertEquals("RecordTooLargeException", header(letter, EventTopics.HEADER_CUT_DOWN));
        assertEquals("bad score", header(letter, EventTopics.HEADER_ERROR));
        assertEquals("publisher", header(letter, "origin"), "small headers of the record stay");
    }

    @Test
    void aCutDownLetterDropsAHugeKeyAndHugeHeadersButKeepsItsOwn() {
        ProducerRecord<byte[], byte[]> letter = DeadLetterShape.CUT_DOWN.letter("dlq",
                rejected(new byte[5_000], VALUE, 100_000), "too large");
        assertNull(letter.key(), "a cut key would partition like another key");
        assertNull(header(letter, "origin"), "100 KB of the publisher's headers are dropped");
        assertEquals("77", header(letter, EventTopics.HEADER_SOURCE_OFFSET));
    }

    @Test
    void theBareLetterHasNoValueButStillSaysWhatItWas() {
        ProducerRecord<byte[], byte[]> letter = DeadLetterShape.BARE.letter("dlq", rejected(utf8("k"), VALUE, 10),
                "still too large");
        assertEquals(0, letter.value().length);
        assertEquals("200000", header(letter, EventTopics.HEADER_ORIGINAL_SIZE));
        assertEquals("bad score", header(letter, EventTopics.HEADER_ERROR));
        assertNull(DeadLetterShape.BARE.smaller(), "nothing smaller to try");
        assertEquals(DeadLetterShape.BARE, DeadLetterShape.CUT_DOWN.smaller());
    }

    @Test
    void onlyARefusalOfTheRecordItselfLeadsToASmallerLetter() {
        assertTrue(DeadLetterPublisher.refusesTheRecord(new RecordTooLargeException("too large")));
        assertTrue(DeadLetterPublisher.refusesTheRecord(new InvalidRecordException("bad header")));
        assertFalse(DeadLetterPublisher.refusesTheRecord(new TimeoutException("broker away")),
                "an outage holds the batch instead");
        assertFalse(DeadLetterPublisher.refusesTheRecord(new NotLeaderOrFollowerException("moving")));
    }

    /** A rejected record with an {@code origin} header: "publisher", or that many bytes of noise when large. */
    private static RejectedRecord rejected(byte[] key, byte[] value, int originHeaderBytes) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("origin", utf8(originHeaderBytes <= 10 ? "publisher" : "x".repeat(originHeaderBytes)));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("eval.results", 2, 77, 0L,
                TimestampType.CREATE_TIME, 0, value.length, key, value, headers, Optional.empty());
        return new RejectedRecord(record, new Violation("bad score", "/score"));
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
