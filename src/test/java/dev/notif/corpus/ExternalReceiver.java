package dev.notif.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A receiver written in another language (a script under {@code src/test/resources/corpus}) run by its interpreter
 * (python3, node) on a free loopback port, which it prints as {@code PORT <n>}. Tests that use one are skipped where
 * the interpreter is missing; CI machines have both.
 */
public final class ExternalReceiver implements AutoCloseable {
    private final Process process;
    private final int port;

    private ExternalReceiver(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether {@code interpreter --version} runs here. */
    public static boolean available(String interpreter) {
        try {
            Process p = new ProcessBuilder(interpreter, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static ExternalReceiver start(Path dir, String interpreter, String script, String... args) throws Exception {
        Path file = dir.resolve(script);
        try (InputStream in = ExternalReceiver.class.getResourceAsStream("/corpus/" + script)) {
            Files.copy(in, file);
        }
        List<String> command = new ArrayList<>(List.of(interpreter, file.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " did not say its port", e);
        }
        if (line == null || !line.startsWith("PORT ")) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " did not start: " + line);
        }
        return new ExternalReceiver(p, Integer.parseInt(line.substring(5).strip()));
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
