package dev.evalboard.devstack.publish;

/** One event to publish, or the reason an input line could not be turned into one. */
record InputRecord(String source, String key, String json, String problem) {

    static InputRecord event(String source, String key, String json) {
        return new InputRecord(source, key, json, null);
    }

    static InputRecord unreadable(String source, String problem) {
        return new InputRecord(source, null, null, problem);
    }

    boolean readable() {
        return problem == null;
    }
}
