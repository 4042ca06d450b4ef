package dev.evalboard.devstack.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load generator for {@code bench/query.sh} (Debian ships no wrk2): GET requests at a fixed rate
 * over C keep-alive HTTP/1.1 connections (request i goes out on connection i mod C at start + i/rate), each
 * latency measured from the request's scheduled send time, so a stalled server is charged for the requests it
 * delayed (no coordinated omission, as in wrk2). Plain sockets: the JDK HttpClient is itself too slow for this.
 *
 * <p>Arguments: url (several separated by spaces: request i goes to url i mod n), requests per second, seconds,
 * warm-up seconds (same rate, not measured), connections (8). Prints one line: {@code fixed-rate rate=.. sent=..
 * ok=.. errors=.. achieved=../s p50=..ms p90=..ms p99=..ms p999=..ms max=..ms}.
 */
public final class FixedRateLoad {

    public static void main(String[] args) throws Exception {
        List<URI> uris = Arrays.stream(args[0].trim().split(" +")).map(URI::create).toList();
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        if (warmup > 0) {
            measure(uris, rate, warmup, connections);
        }
        System.out.println("fixed-rate " + measure(uris, rate, seconds, connections));
    }

    /** What one run measured; latencies in milliseconds from each request's scheduled time. */
    public record Figures(int rate, int connections, long sent, long ok, long errors, double achieved, double p50,
            double p90, double p99, double p999, double max) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "rate=%d connections=%d sent=%d ok=%d errors=%d achieved=%.0f/s "
                    + "p50=%.3fms p90=%.3fms p99=%.3fms p999=%.3fms max=%.3fms", rate, connections, sent, ok, errors,
                    achieved, p50, p90, p99, p999, max);
        }
    }

    /** GETs at {@code rate} per second for {@code seconds}, spread over the URLs in turn. */
    public static Figures measure(List<URI> uris, int rate, int seconds, int connections) throws InterruptedException {
        long started = System.nanoTime();
        Result r = run(uris, rate, seconds, connections);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] sorted = r.latencies.clone();
        Arrays.sort(sorted);
        return new Figures(rate, connections, sorted.length, r.ok.get(), r.errors.get(), r.ok.get() / elapsed,
                pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), pct(sorted, 0.999),
                sorted[sorted.length - 1] / 1e6);
    }

    private record Result(long[] latencies, AtomicLong ok, AtomicLong errors) {
    }

    private static Result run(List<URI> uris, int rate, int seconds, int connections) throws InterruptedException {
        int total = rate * seconds;
        Result result = new Result(new long[total], new AtomicLong(), new AtomicLong());
        double intervalNanos = 1e9 / rate;
        long start = System.nanoTime() + 50_000_000L;
        Thread[] workers = new Thread[connections];
        for (int k = 0; k < connections; k++) {
            int first = k;
            workers[k] = new Thread(() -> worker(uris, first, connections, total, start, intervalNanos, result),
                    "load-" + k);
            workers[k].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return result;
    }

    private static void worker(List<URI> uris, int first, int step, int total, long start, double intervalNanos,
            Result result) {
        // All URLs share host and port: one keep-alive connection serves them in turn.
        URI origin = uris.get(0);
        List<byte[]> requests = uris.stream().map(uri -> ("GET " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\nHost: " + uri.getHost()
                + ":" + uri.getPort() + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII))
                .toList();
        Socket socket = null;
        InputStream in = null;
        // A server that falls far behind is not waited for: what is still unsent 10 s after the schedule ends counts
        // as an error, with the delay it had reached, so the run ends in bounded time.
        long giveUp = start + (long) (total * intervalNanos) + 10_000_000_000L;
        for (int i = first; i < total; i += step) {
            byte[] request = requests.get(i % requests.size());
            long intended = start + (long) (i * intervalNanos);
            if (System.nanoTime() > giveUp) {
                result.errors.incrementAndGet();
                result.latencies[i] = System.nanoTime() - intended;
                continue;
            }
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            try {
                if (socket == null) {
                    socket = new Socket(origin.getHost(), origin.getPort());
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(30_000);
                }
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                if (in == null) {
                    in = new BufferedInputStream(socket.getInputStream(), 65536);
                }
                int status = readResponse(in);
                if (status == 200) {
                    result.ok.incrementAndGet();
                } else {
                    result.errors.incrementAndGet();
                }
            } catch (IOException e) {
                result.errors.incrementAndGet();
                closeQuietly(socket);
                socket = null;
                in = null;
            }
            result.latencies[i] = System.nanoTime() - intended;
        }
        closeQuietly(socket);
    }

    /** Reads one response (Content-Length or chunked body) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            long size;
            while ((size = Long.parseLong(readLine(in).split(";")[0].trim(), 16)) > 0) {
                skip(in, size);
                readLine(in);
            }
            while (!readLine(in).isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(in, length);
        }
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        byte[] buffer = new byte[16384];
        long left = bytes;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("connection closed");
            }
            left -= n;
        }
    }

    private static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // done with it
            }
        }
    }
}
