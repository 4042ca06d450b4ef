package dev.evalboard.reliability;

import dev.evalboard.devstack.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's memory at one moment: resident size from {@code /proc}, and the bytes of the objects a full collection
 * found alive ({@code jcmd GC.class_histogram}), which is what a leak makes grow. The heap's use read after
 * {@code GC.run} also counted what the service allocated between the two commands: a service still working (ingest
 * goes on, and a cache recomputes the answers read lately) showed tens of MB more than it held.
 */
record Memory(long residentKb, long liveHeapBytes) {
    private static final Pattern LIVE_TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)\\s*$", Pattern.MULTILINE);

    static Memory of(ServiceProcess service) throws IOException, InterruptedException {
        long resident = residentKb(service.pid());
        Matcher live = LIVE_TOTAL.matcher(jcmd(service.pid(), "GC.class_histogram"));
        if (!live.find()) {
            throw new IllegalStateException("no live heap total from jcmd for " + service.pid());
        }
        return new Memory(resident, Long.parseLong(live.group(1)));
    }

    String change(Memory end) {
        return String.format("RSS %d -> %d MB, live heap %d -> %d MB", residentKb / 1024, end.residentKb / 1024,
                liveHeapBytes >> 20, end.liveHeapBytes >> 20);
    }

    private static long residentKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }
}
