package dev.evalboard.contract.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A reader that fell behind handles the changes it reads at once as one: nothing named is lost, the WAL wait covers all. */
class ResultChangeMergeTest {
    private static final ResultChange.Benchmark A = new ResultChange.Benchmark("a", "pass@1");
    private static final ResultChange.Benchmark B = new ResultChange.Benchmark("b", "pass@1", "2");

    @Test
    void theMergeNamesEveryBenchmarkAndModelAndWaitsForTheFurthestPosition() {
        ResultChange merged = ResultChange.merged(List.of(ResultChange.of("0/FFFFFFFF", List.of(A), List.of("m1")),
                ResultChange.of("1/0", List.of(B), List.of("m2")), ResultChange.of("0/A", List.of(A), List.of("m1"))));
        assertEquals("1/0", merged.lsn(), "1/0 lies after 0/FFFFFFFF although it sorts before it as text");
        assertEquals(Set.of(A, B), Set.copyOf(merged.benchmarks()));
        assertEquals(List.of("m1", "m2"), merged.models());
        assertFalse(merged.allModels());
    }

    @Test
    void oneChangeIsItself() {
        ResultChange only = ResultChange.of("0/16B3748", List.of(A), List.of("m"));
        assertSame(only, ResultChange.merged(List.of(only)));
    }

    @Test
    void tooManyModelsTogetherMeanEveryModel() {
        List<ResultChange> changes = IntStream.range(0, 3).mapToObj(part -> ResultChange.of("0/" + (part + 1),
                List.of(A), IntStream.range(0, ResultChange.MAX_MODELS / 2).mapToObj(m -> part + "-" + m).toList()))
                .toList();
        ResultChange merged = ResultChange.merged(changes);
        assertTrue(merged.allModels());
        assertTrue(merged.models().isEmpty());
        assertTrue(ResultChange.merged(List.of(changes.get(0), ResultChange.merged(changes))).allModels(),
                "every model stays every model");
    }

    @Test
    void walPositionsCompareAsPostgreSQLComparesThem() {
        Random random = new Random(11);
        List<long[]> halves = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // Few distinct values, so that ties and equal high halves are common.
            halves.add(new long[] {random.nextInt(3), random.nextBoolean() ? random.nextInt(20) : 0xFFFFFFF0L
                    + random.nextInt(16)});
        }
        for (int i = 1; i < halves.size(); i++) {
            long[] x = halves.get(i - 1);
            long[] y = halves.get(i);
            int expected = x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]);
            int actual = Long.compare(ResultChange.walPosition(text(x)), ResultChange.walPosition(text(y)));
            assertEquals(Integer.signum(expected), Integer.signum(actual), text(x) + " vs " + text(y));
        }
    }

    private static String text(long[] halves) {
        return Long.toHexString(halves[0]).toUpperCase() + "/" + Long.toHexString(halves[1]).toUpperCase();
    }
}
