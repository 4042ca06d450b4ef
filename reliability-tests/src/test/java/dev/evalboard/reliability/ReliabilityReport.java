package dev.evalboard.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** Each scenario's figures, printed and appended to {@code target/reliability/report.md} for the README. */
final class ReliabilityReport {
    private static final Path FILE = Path.of("target", "reliability", "report.md");

    private ReliabilityReport() {
    }

    static void record(String scenario, String figures) {
        String line = "| " + scenario + " | " + figures + " |";
        System.out.println("[reliability] " + line);
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, "Run of " + Instant.now() + "\n\n| scenario | figures |\n|---|---|\n",
                        StandardCharsets.UTF_8);
            }
            Files.writeString(FILE, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
