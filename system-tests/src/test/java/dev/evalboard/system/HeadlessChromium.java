package dev.evalboard.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's Chromium, headless, with a fresh profile and no background traffic: a page in, a PNG or a DOM out. */
final class HeadlessChromium {
    private static final String BINARY = "/usr/bin/chromium";

    private HeadlessChromium() {
    }

    static void screenshot(Path page, Path png, int width, int height, Path workDir) throws Exception {
        run(workDir, "--screenshot=" + png, "--window-size=" + width + "," + height, page.toUri().toString());
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("Chromium wrote no screenshot");
        }
    }

    /** The page's DOM after its scripts ran and its images loaded (given up to 10 s of virtual time). */
    static String dumpDom(Path page, Path workDir) throws Exception {
        return run(workDir, "--dump-dom", page.toUri().toString());
    }

    private static String run(Path workDir, String... args) throws Exception {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new AssertionError(BINARY + " is missing: apt-get install chromium (.ci/run does)");
        }
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--virtual-time-budget=10000",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path log = workDir.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 60 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static Path writePage(Path dir, String html) throws IOException {
        Path page = dir.resolve("embed.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }
}
