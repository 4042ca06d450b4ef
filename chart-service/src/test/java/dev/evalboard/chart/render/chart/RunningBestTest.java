package dev.evalboard.chart.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evalboard.chart.render.ProgressPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The POST route's running best against a brute-force one, on random histories with ties in score and time. */
class RunningBestTest {

    @Test
    void stepsAreTheRunsThatBeatEveryEarlierRun() {
        long seed = Long.getLong("progress.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int trial = 0; trial < 2000; trial++) {
            boolean higherIsBetter = random.nextBoolean();
            List<ProgressPoint> runs = new ArrayList<>();
            for (int i = random.nextInt(25); i > 0; i--) {
                runs.add(new ProgressPoint("m" + i, Instant.ofEpochSecond(86_400L * random.nextInt(5)),
                        random.nextInt(5) + (random.nextInt(8) == 0 ? 0.5 : 0)));
            }
            RunningBest.Split split = RunningBest.split(runs, higherIsBetter);
            List<ProgressPoint> ordered = inTimeOrder(runs);
            List<ProgressPoint> expectedSteps = new ArrayList<>();
            List<ProgressPoint> expectedOthers = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                boolean beaten = false;
                for (int j = 0; j < i; j++) {
                    double earlier = ordered.get(j).score();
                    double score = ordered.get(i).score();
                    beaten |= higherIsBetter ? earlier >= score : earlier <= score;
                }
                (beaten ? expectedOthers : expectedSteps).add(ordered.get(i));
            }
            String context = "seed " + seed + ", trial " + trial + ", runs " + runs;
            assertEquals(expectedSteps, split.steps(), context);
            assertEquals(expectedOthers, split.others(), context);
        }
    }

    @Test
    void aScoreThatCannotBeDrawnIsNeverABest() {
        List<ProgressPoint> runs = List.of(new ProgressPoint("huge", Instant.EPOCH, 1e300),
                new ProgressPoint("real", Instant.EPOCH.plusSeconds(1), 50));
        assertEquals(List.of("real"), RunningBest.split(runs, true).steps().stream().map(ProgressPoint::model).toList());
    }

    /** Insertion by time: a run goes after every run not later than it, so equal instants keep the given order. */
    private static List<ProgressPoint> inTimeOrder(List<ProgressPoint> runs) {
        List<ProgressPoint> ordered = new ArrayList<>();
        for (ProgressPoint run : runs) {
            int at = ordered.size();
            while (at > 0 && ordered.get(at - 1).evaluatedAt().isAfter(run.evaluatedAt())) {
                at--;
            }
            ordered.add(at, run);
        }
        return ordered;
    }
}
