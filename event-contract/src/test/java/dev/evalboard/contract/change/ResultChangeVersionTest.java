package dev.evalboard.contract.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The change feed names a benchmark's version only when it has one, so records without versions read as before. */
class ResultChangeVersionTest {

    @Test
    void aBenchmarkWithoutAVersionIsWrittenAsBefore() {
        String json = new String(ResultChange.of("0/1", List.of(new ResultChange.Benchmark("b", "pass@1")),
                List.of("m")).toJson(), StandardCharsets.UTF_8);
        assertFalse(json.contains("version\":"), json);
        assertEquals(new ResultChange.Benchmark("b", "pass@1"),
                ResultChange.fromJson(json.getBytes(StandardCharsets.UTF_8)).benchmarks().get(0));
    }

    @Test
    void aVersionTravelsAndReadersKeyByNameAndMetric() {
        ResultChange.Benchmark versioned = new ResultChange.Benchmark("b", "pass@1", "2");
        ResultChange read = ResultChange.fromJson(ResultChange.of("0/1", List.of(versioned), List.of()).toJson());
        assertEquals(versioned, read.benchmarks().get(0));
        assertEquals(new ResultChange.Benchmark("b", "pass@1"), read.benchmarks().get(0).board());
    }

    @Test
    void aNewerRecordWithMoreBenchmarkFieldsStillReads() {
        ResultChange read = ResultChange.fromJson(("{\"schemaVersion\": 1, \"lsn\": \"0/1\", \"benchmarks\":"
                + " [{\"name\": \"b\", \"metric\": \"pass@1\", \"newer\": true}], \"models\": [], \"allModels\": false}")
                .getBytes(StandardCharsets.UTF_8));
        assertNull(read.benchmarks().get(0).version());
    }
}
