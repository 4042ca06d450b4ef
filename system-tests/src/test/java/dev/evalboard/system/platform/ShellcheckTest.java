package dev.evalboard.system.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every shell script of the repository passes shellcheck (Debian's {@code shellcheck}; .ci/run installs it). */
class ShellcheckTest {

    @Test
    void everyScriptPassesShellcheck() throws Exception {
        List<Path> scripts = ShellScripts.all();
        assertTrue(scripts.containsAll(ShellScripts.ON_EVERY_MACHINE), "scripts found: " + scripts);
        List<String> command = new ArrayList<>(List.of("shellcheck", "--format=gcc"));
        scripts.forEach(script -> command.add(script.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(ShellScripts.REPO.toFile()).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("shellcheck is missing: apt-get install shellcheck (.ci/run does)", e);
        }
        String findings = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "shellcheck did not finish in 120 s");
        assertEquals(0, process.exitValue(), "shellcheck:\n" + findings);
    }
}
