package dev.evalboard.system.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The repository's shell scripts: every file that starts with a shell's #! line. */
final class ShellScripts {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    /** What a developer runs on their own machine, macOS included, and what those scripts call. */
    static final List<Path> ON_EVERY_MACHINE = Stream.of("evalboard", "mvnw", "k8s/secrets/generate")
            .map(REPO::resolve).toList();

    /** Build output, downloads, local data and the benchmarks' results: nothing of ours to check. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", ".git", ".evalboard",
            ".mvn", ".idea", "results", "data");

    private ShellScripts() {
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.walk(REPO)) {
            return files.filter(ShellScripts::notSkipped).filter(Files::isRegularFile)
                    .filter(ShellScripts::startsWithShellLine).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean notSkipped(Path path) {
        for (Path part : REPO.relativize(path)) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithShellLine(Path file) {
        try (var in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(40), StandardCharsets.UTF_8);
            return head.startsWith("#!/bin/sh") || head.startsWith("#!/bin/bash")
                    || head.startsWith("#!/usr/bin/env bash") || head.startsWith("#!/usr/bin/env sh");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
