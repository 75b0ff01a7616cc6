package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.notif.core.Json;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled app (target/notif) through its real launcher: class-data sharing is recorded, then used, and an
 * archive the JVM cannot use costs nothing but speed: same output, an empty stderr, the same exit code.
 */
class LauncherIT {
    static final Path APP = Path.of(System.getProperty("notif.app", "target/notif"));
    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path cache;

    record Run(int code, String out, String err) {
    }

    Run notif(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", APP.resolve("bin/notif").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("NOTIF_CDS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path out = cache.resolve("stdout");
        Path err = cache.resolve("stderr");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("notif " + String.join(" ", args) + " finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    List<Path> archives() throws IOException {
        Path dir = cache.resolve("notif");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot")).toList();
        }
    }

    String version() throws Exception {
        return notif(Map.of("NOTIF_CDS", "off"), "--version").out();
    }

    @Test
    void the_first_run_records_an_archive_and_the_next_runs_load_notif_from_it() throws Exception {
        Run first = notif(Map.of("NOTIF_CDS", "foreground"), "--version");
        assertThat(first.code()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).isEqualTo(version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
        assertThat(archives()).hasSize(1);

        Path classes = cache.resolve("classes.log");
        Run help = notif(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes), "send", "stripe", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out()).contains("Usage: notif send stripe");
        assertThat(Files.readString(classes))
            .contains("dev.notif.Main source: shared objects file")
            .contains("dev.notif.cli.HelpIndex source: shared objects file");
    }

    @Test
    void picocli_is_shipped_as_class_files_a_sharing_archive_takes() throws Exception {
        Path picocli;
        try (Stream<Path> lib = Files.list(APP.resolve("lib"))) {
            picocli = lib.filter(f -> f.getFileName().toString().startsWith("picocli-")).findFirst().orElseThrow();
        }
        try (JarFile jar = new JarFile(picocli.toFile());
             InputStream in = jar.getInputStream(jar.getEntry("picocli/CommandLine.class"))) {
            DataInputStream data = new DataInputStream(in);
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            assertThat(data.readUnsignedShort()).as("class file major version").isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void an_archive_made_by_another_jvm_is_ignored_in_silence() throws Exception {
        assumeTrue(Files.isExecutable(TEMURIN_25.resolve("bin/java")), "needs a second JDK (Temurin 25)");
        Map<String, String> java25 = Map.of("JAVA_HOME", TEMURIN_25.toString());
        assertThat(notif(Map.of("NOTIF_CDS", "foreground"), "--version").code()).isZero();
        Map<String, String> foreground25 = new HashMap<>(java25);
        foreground25.put("NOTIF_CDS", "foreground");
        assertThat(notif(foreground25, "--version").code()).isZero();
        List<Path> both = archives();
        assertThat(both).hasSize(2);
        // each JVM now finds the other's archive under its own name, newer than every jar
        Path a = both.get(0);
        Path b = both.get(1);
        Path swap = cache.resolve("swap");
        Files.move(a, swap);
        Files.move(b, a);
        Files.move(swap, b);

        for (Map<String, String> env : List.of(Map.<String, String>of(), java25)) {
            Run json = notif(env, "send", "stripe", "--url", "http://127.0.0.1:1/stripe", "--secret",
                "whsec_0123456789abcdefghijklmnopqrstuv", "--json", "--timeout", "2");
            assertThat(json.code()).as(json.toString()).isEqualTo(1);
            assertThat(json.err()).as("stderr").isEmpty();
            assertThat(Json.parse(json.out()).get("verdict").asText()).isEqualTo("unreachable");
            Run help = notif(env, "--help");
            assertThat(help.err()).isEmpty();
            assertThat(help.code()).isZero();
        }
    }

    @Test
    void a_cache_that_cannot_be_written_or_sharing_turned_off_changes_nothing_but_speed() throws Exception {
        Path file = cache.resolve("not-a-directory");
        Files.writeString(file, "x", StandardCharsets.UTF_8);
        Run unwritable = notif(Map.of("XDG_CACHE_HOME", file.toString(), "NOTIF_CDS", "foreground"), "--version");
        assertThat(unwritable.code()).isZero();
        assertThat(unwritable.err()).isEmpty();
        assertThat(unwritable.out()).isEqualTo(version());

        Run off = notif(Map.of("NOTIF_CDS", "off"), "--version");
        assertThat(off.err()).isEmpty();
        assertThat(archives()).as("NOTIF_CDS=off records nothing").isEmpty();
    }
}
