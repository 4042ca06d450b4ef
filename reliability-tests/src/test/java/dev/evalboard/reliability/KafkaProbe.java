package dev.evalboard.reliability;

import dev.evalboard.devstack.ConsumerLag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the broker says, asked from outside the services: the ingest group's lag and members, the dead letters. */
final class KafkaProbe {
    private final FaultLab lab;

    KafkaProbe(FaultLab lab) {
        this.lab = lab;
    }

    /** Records of {@code eval.results} that the ingest group has not committed yet. */
    long lag() throws ExecutionException, InterruptedException {
        try (Admin admin = lab.admin()) {
            return ConsumerLag.of(admin, FaultLab.GROUP, FaultLab.TOPIC);
        }
    }

    /**
     * The results partitions of each live ingest instance. An instance runs several consumers (group members), whose
     * client ids are {@code evalboard-ingest-<instance id>-results$<n>}, and its moderation consumer
     * ({@code ...-moderation}): they are counted as one.
     */
    List<Set<Integer>> assignments() throws ExecutionException, InterruptedException {
        try (Admin admin = lab.admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(FaultLab.GROUP))
                    .describedGroups().get(FaultLab.GROUP).get();
            Map<String, Set<Integer>> instances = new TreeMap<>();
            for (MemberDescription member : group.members()) {
                instances.computeIfAbsent(member.clientId().replaceFirst("-(results|moderation).*$", ""),
                        id -> new TreeSet<>()).addAll(member.assignment().topicPartitions().stream()
                                .filter(p -> p.topic().equals(FaultLab.TOPIC)).map(TopicPartition::partition)
                                .collect(Collectors.toSet()));
            }
            return new ArrayList<>(instances.values());
        }
    }

    /** Every record of the dead-letter topic, from the beginning. */
    List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, lab.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reliability-dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(FaultLab.DEAD_LETTER_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read the dead-letter topic to its end");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(letters::add);
            }
        }
        return letters;
    }
}
