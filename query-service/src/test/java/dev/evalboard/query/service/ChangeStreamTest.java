package dev.evalboard.query.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.query.cache.ChangeFeed.FeedRestarted;
import dev.evalboard.query.cache.ChangeFeed.VisibleChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeStreamTest {
    private final ChangeStream stream = new ChangeStream(false);
    private final List<String> received = new ArrayList<>();

    private final ChangeStream.Subscriber recorder = new ChangeStream.Subscriber() {
        @Override
        public void changed(ChangeStream.Changed event) {
            received.add(event.id() + ":" + event.benchmark());
        }

        @Override
        public void reloadEverything(long id) {
            received.add("reload@" + id);
        }
    };

    @Test
    void aBurstIsOneEventPerBenchmarkWithTheLatestIdInIdOrder() {
        stream.subscribe(recorder, null);
        visible(10, "A");
        visible(11, "B");
        visible(12, "A");
        visible(13, "A");
        stream.flush();
        assertEquals(List.of("11:B", "13:A"), received);
        stream.flush();
        assertEquals(2, received.size(), "nothing new, nothing sent");
    }

    @Test
    void aFilteredSubscriberSeesOnlyItsBenchmarks() {
        stream.subscribe(ChangeStream.filtered(Set.of("B"), recorder), null);
        visible(10, "A", "B");
        visible(11, "C");
        stream.flush();
        assertEquals(List.of("10:B"), received);
    }

    @Test
    void aReconnectWithLastEventIdGetsWhatItMissedThenLiveEvents() {
        visible(10, "A");
        stream.flush();
        visible(11, "B");
        stream.flush();
        visible(12, "C");
        stream.flush();
        stream.subscribe(recorder, 10L);
        assertEquals(List.of("11:B", "12:C"), received);
        visible(13, "D");
        stream.flush();
        assertEquals(List.of("11:B", "12:C", "13:D"), received);
    }

    @Test
    void aReconnectFromBeforeWhatThisInstanceKnowsMustReload() {
        visible(10, "A");
        stream.flush();
        stream.subscribe(recorder, 5L);
        assertEquals(List.of("reload@10"), received, "changes 6 to 9 were never seen here");
    }

    @Test
    void afterTheFeedRestartedOldIdsMustReload() {
        visible(10, "A");
        stream.flush();
        stream.onRestart(new FeedRestarted());
        stream.subscribe(recorder, 10L);
        assertEquals(List.of("reload@10"), received, "changes published while the feed was not read are unknown");
    }

    @Test
    void eventsPastWhatIsKeptAreForgottenAndAskForAReload() {
        for (int i = 0; i < ChangeStream.KEPT + 5; i++) {
            visible(100 + i, "B" + i);
            stream.flush();
        }
        stream.subscribe(recorder, 101L);
        assertEquals(List.of("reload@" + (100 + ChangeStream.KEPT + 4)), received);
    }

    private void visible(long offset, String... benchmarks) {
        stream.onVisible(new VisibleChange(offset, ResultChange.of("0/1",
                Arrays.stream(benchmarks).map(b -> new ResultChange.Benchmark(b, "pass@1")).toList(),
                List.of("m"))));
    }
}
