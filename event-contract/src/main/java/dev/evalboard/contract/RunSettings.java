package dev.evalboard.contract;

/**
 * How a run was made (the event's {@code settings}); every member is optional (null when the event did not state it).
 *
 * @param fewShot        examples shown before each question, 0..10,000
 * @param samplesTotal   the benchmark's full sample count; a run that scored fewer ({@code samples}) is partial
 * @param harness        the evaluation harness, e.g. lm-evaluation-harness
 * @param harnessVersion its version
 * @param commit         the harness's source revision
 */
public record RunSettings(Integer fewShot, Long samplesTotal, String harness, String harnessVersion, String commit) {

    public static final int MAX_FEW_SHOT = 10_000;
    /** harness, harnessVersion and commit: at most this many characters. */
    public static final int MAX_TEXT_LENGTH = 100;
    /** An event without settings. */
    public static final RunSettings NONE = new RunSettings(null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }
}
