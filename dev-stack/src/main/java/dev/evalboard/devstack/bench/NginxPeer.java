package dev.evalboard.devstack.bench;

import dev.evalboard.devstack.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer of a cached read: nginx serves, as static files, the bodies query-service answered for the same
 * leaderboards, at the same rate over the same connections, while ingest and replication keep running. A cached
 * answer cannot cost less than ready bytes from nginx, so its latency is the floor this machine leaves a cached read.
 */
final class NginxPeer implements AutoCloseable {
    private static final String CONFIG = """
            worker_processes auto;
            daemon off;
            user root;
            pid %1$s/nginx.pid;
            error_log %1$s/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path %1$s/tmp;
                proxy_temp_path %1$s/tmp;
                fastcgi_temp_path %1$s/tmp;
                uwsgi_temp_path %1$s/tmp;
                scgi_temp_path %1$s/tmp;
                default_type application/json;
                # The load keeps its 8 connections for the whole run: nginx would close one after 1,000 requests.
                keepalive_requests 10000000;
                keepalive_timeout 300s;
                server {
                    listen 127.0.0.1:%2$d;
                    root %1$s/www;
                }
            }
            """;

    private final Process nginx;
    private final List<URI> uris;

    private NginxPeer(Process nginx, List<URI> uris) {
        this.nginx = nginx;
        this.uris = uris;
    }

    /** Copies each board's current body from query-service into {@code dir} and starts nginx serving them. */
    static NginxPeer start(Path dir, List<URI> boards) throws Exception {
        Path www = dir.resolve("www");
        Files.createDirectories(dir.resolve("tmp"));
        HttpClient http = HttpClient.newHttpClient();
        int port = FreePorts.pick();
        List<URI> uris = new ArrayList<>();
        for (URI board : boards) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(board).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(board + " answered " + answer.statusCode());
            }
            Path file = www.resolve(board.getRawPath().substring(1));
            Files.createDirectories(file.getParent());
            Files.write(file, answer.body());
            uris.add(URI.create("http://127.0.0.1:" + port + board.getRawPath()));
        }
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, CONFIG.formatted(dir.toAbsolutePath(), port));
        Process nginx = new ProcessBuilder("nginx", "-p", dir.toAbsolutePath().toString(), "-e",
                dir.resolve("error.log").toAbsolutePath().toString(), "-c", config.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.txt").toFile()).start();
        awaitListening(http, uris.get(0), nginx, dir);
        return new NginxPeer(nginx, uris);
    }

    private static void awaitListening(HttpClient http, URI uri, Process nginx, Path dir) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(dir.resolve("nginx.txt")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("nginx did not answer " + uri + " within 10 s");
    }

    /** The same boards, from nginx. */
    List<URI> uris() {
        return uris;
    }

    @Override
    public void close() throws InterruptedException {
        nginx.destroy();
        nginx.waitFor();
    }
}
