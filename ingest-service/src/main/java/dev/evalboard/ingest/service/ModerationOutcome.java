package dev.evalboard.ingest.service;

import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.contract.change.ResultChange.Benchmark;
import java.util.List;

/** What an applied moderation record concerns: the boards the model is (or its run was) on, and the model. */
public record ModerationOutcome(List<Benchmark> boards, List<String> models, String walPosition) {

    public ModerationOutcome at(String position) {
        return new ModerationOutcome(boards, models, position);
    }

    ResultChange change() {
        return ResultChange.of(walPosition, boards, models);
    }
}
