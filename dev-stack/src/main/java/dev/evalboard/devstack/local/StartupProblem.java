package dev.evalboard.devstack.local;

/** A reason the local stack cannot start that the user can fix; printed as one sentence, without a stack trace. */
final class StartupProblem extends RuntimeException {
    StartupProblem(String message) {
        super(message, null, false, false);
    }
}
