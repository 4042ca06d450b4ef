package dev.evalboard.reliability;

import dev.evalboard.devstack.ServiceProcess;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4: two ingest instances share the six partitions of {@code eval.results}; one is killed and started again.
 * Its partitions move to the survivor and back, and the store ends exact.
 */
class RebalanceTest {
    private static final String PREFIX = "rebalance";
    private static final int EVENTS = 150_000;
    private static final int PARTITIONS = 6;

    @Test
    void partitionsMoveWhenAnInstanceDiesAndReturnWhenItIsBack() throws Exception {
        List<SentEvent> events = ResultStream.generate(PREFIX, EVENTS, Seeds.seed("rebalance"));
        try (FaultLab lab = FaultLab.start("rebalance", PARTITIONS)) {
            KafkaProbe probe = new KafkaProbe(lab);
            ServiceProcess first = lab.startIngest("ingest-a");
            lab.startIngest("ingest-b");
            String moves;
            try (StreamPublisher publisher = StreamPublisher.start(lab.bootstrapServers(),
                    IngestOutcome.messages(events), 2_500)) {
                List<Set<Integer>> before = awaitMembers(probe, 2);
                Await.until("a fifth of the stream stored", Duration.ofMinutes(2),
                        () -> lab.storedCount(PREFIX) >= EVENTS / 5, () -> "fewer");
                first.kill();
                List<Set<Integer>> survivor = awaitMembers(probe, 1);
                lab.startIngest("ingest-a-again");
                List<Set<Integer>> after = awaitMembers(probe, 2);
                moves = before + " -> " + survivor + " -> " + after;
                publisher.awaitAllAcknowledged(Duration.ofMinutes(5));
            }
            StoreCheck check = IngestOutcome.assertExactlyStored(lab, PREFIX, events, Duration.ofMinutes(5));
            int deadLetters = IngestOutcome.assertNoDeadLetters(lab);
            ReliabilityReport.record("4. two instances, 6 partitions, one killed and restarted", String.format(
                    "%,d events, partitions by member %s, lost %d, duplicated %d, DLQ %d", EVENTS,
                    moves, check.lost(), check.duplicated(), deadLetters));
        }
    }

    /** Waits until the group has {@code count} members that each own partitions and together own all six. */
    private static List<Set<Integer>> awaitMembers(KafkaProbe probe, int count) {
        AtomicReference<List<Set<Integer>>> seen = new AtomicReference<>(List.of());
        Await.until(count + " members sharing all partitions", Duration.ofMinutes(2), () -> {
            List<Set<Integer>> members = probe.assignments();
            seen.set(members);
            Set<Integer> owned = new HashSet<>();
            members.forEach(owned::addAll);
            return members.size() == count && members.stream().noneMatch(Set::isEmpty)
                    && owned.size() == PARTITIONS;
        }, () -> seen.get().toString());
        return seen.get();
    }
}
