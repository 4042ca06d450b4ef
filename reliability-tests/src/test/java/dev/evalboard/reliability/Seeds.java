package dev.evalboard.reliability;

/** The random seed of a run: printed, and settable with -Dreliability.seed=N to replay a failure. */
final class Seeds {

    private Seeds() {
    }

    static long seed(String scenario) {
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        System.out.println("[reliability] " + scenario + ": seed " + seed + " (-Dreliability.seed=" + seed
                + " replays it)");
        return seed;
    }
}
