package dev.evalboard.devstack.publish;

import dev.evalboard.contract.ParseResult;
import dev.evalboard.contract.ResultEventParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads result events in the contract's JSON Lines format. Each line is checked with the same parser the ingest
 * service uses, so a bad line is reported here, with the same reason, instead of landing in the dead-letter topic.
 */
final class JsonLinesReader {
    private final ResultEventParser parser = new ResultEventParser();

    List<InputRecord> read(Path file) throws IOException {
        List<InputRecord> records = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            ParseResult result = parser.parse(line.getBytes(StandardCharsets.UTF_8), Instant.now());
            if (result instanceof ParseResult.Accepted accepted) {
                records.add(InputRecord.event(where, accepted.event().model().name(), line));
            } else if (result instanceof ParseResult.Rejected rejected) {
                String pointer = rejected.violation().pointer();
                records.add(InputRecord.unreadable(where, rejected.violation().message()
                        + (pointer == null || pointer.isEmpty() ? "" : " (" + pointer + ")")));
            }
        }
        return records;
    }
}
