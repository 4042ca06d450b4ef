package dev.evalboard.ingest.service;

import dev.evalboard.contract.Violation;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record that cannot be accepted, and why. */
public record RejectedRecord(ConsumerRecord<byte[], byte[]> record, Violation violation) {
}
