package dev.evalboard.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.evalboard.query.service.CompetitionRanks;
import org.junit.jupiter.api.Test;

class CompetitionRanksTest {

    @Test
    void equalScoresShareARankAndTheNextRankSkips() {
        assertArrayEquals(new long[] { 1, 2, 2, 4 }, CompetitionRanks.of(new double[] { 9, 8, 8, 7 }));
        assertArrayEquals(new long[] { 1, 1, 1, 4, 5, 5 }, CompetitionRanks.of(new double[] { 3, 3, 3, 2, 1, 1 }));
    }

    @Test
    void aLowerIsBetterOrderIsRankedTheSameWay() {
        assertArrayEquals(new long[] { 1, 1, 3 }, CompetitionRanks.of(new double[] { 0.5, 0.5, 2 }));
    }

    @Test
    void anEmptyListHasNoRanks() {
        assertArrayEquals(new long[0], CompetitionRanks.of(new double[0]));
    }
}
