package dev.evalboard.contract.rank;

/**
 * Counts in an ascending array by binary search, with the primitive comparisons the rules use ({@code -0.0 == 0.0}),
 * which {@code Arrays.binarySearch} does not.
 */
final class SortedCounts {
    private SortedCounts() {
    }

    /** How many values are strictly below {@code x}. */
    static int below(double[] ascending, double x) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How many values are at most {@code x}. */
    static int atMost(double[] ascending, double x) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
