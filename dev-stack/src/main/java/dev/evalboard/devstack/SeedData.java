package dev.evalboard.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The reference result events (the data behind the two reference charts), one JSON object per line. */
public final class SeedData {
    private SeedData() {
    }

    public static List<String> lines() {
        try (InputStream in = SeedData.class.getResourceAsStream("seed-results.jsonl");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
