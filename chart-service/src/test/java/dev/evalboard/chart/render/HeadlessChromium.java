package dev.evalboard.chart.render;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Chromium, headless, with a fresh profile and no background traffic: a page in, its DOM after the scripts ran out.
 * The binary is /usr/bin/chromium (Debian's; .ci/run installs it) unless -Dchromium names another.
 */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    static String dumpDom(Path page, Path workDir) throws Exception {
        Path binary = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(binary)) {
            throw new AssertionError(binary + " is missing: apt-get install chromium (.ci/run does), or -Dchromium=");
        }
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--virtual-time-budget=60000", "--user-data-dir=" + profile,
                "--dump-dom", page.toUri().toString()));
        Process process = new ProcessBuilder(command).redirectError(workDir.resolve("chromium.log").toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 120 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
