package dev.evalboard.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A {@code wrk} run that cycles through a list of paths, and what it counted: requests, errors of each kind. */
final class Wrk {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** The counts of one run; {@code output} is wrk's own report. */
    record Result(long requests, long non2xx, long socketErrors, String output) {
        long errors() {
            return non2xx + socketErrors;
        }
    }

    private final Process process;
    private final Path script;

    private Wrk(Process process, Path script) {
        this.process = process;
        this.script = script;
    }

    /** Starts wrk against {@code baseUrl}, request i going to {@code paths[i % n]}. */
    static Wrk start(String baseUrl, List<String> paths, Duration duration, int connections) throws IOException {
        Path script = Files.createTempFile("evalboard-wrk", ".lua");
        String list = paths.stream().map(p -> "\"" + p.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",\n  "));
        Files.writeString(script, """
                local paths = {
                  %s
                }
                local i = 0
                request = function()
                  i = i %% #paths + 1
                  return wrk.format("GET", paths[i])
                end
                """.formatted(list), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "-s", script.toString(), baseUrl).redirectErrorStream(true).start();
        return new Wrk(process, script);
    }

    Result await() throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Files.deleteIfExists(script);
        if (exit != 0) {
            throw new AssertionError("wrk failed (" + exit + "): " + output);
        }
        Matcher socket = SOCKET.matcher(output);
        long socketErrors = 0;
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(socket.group(group));
            }
        }
        return new Result(count(REQUESTS, output), count(NON_2XX, output), socketErrors, output);
    }

    private static long count(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
