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
    /** The standalone distribution as the release archive holds it (src/build/standalone), when it was built. */
    static final Path STANDALONE = Path.of(System.getProperty("notif.standalone", "target/notif-standalone"));
    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path cache;

    record Run(int code, String out, String err) {
    }

    Run notif(Map<String, String> env, String... args) throws Exception {
        return run(APP, env, args);
    }

    Run run(Path app, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", app.resolve("bin/notif").toString()));
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

        // a command of another family (the stripe commands) has its own archive
        assertThat(notif(Map.of("NOTIF_CDS", "foreground"), "send", "stripe", "--help").code()).isZero();
        assertThat(archives()).hasSize(2).anyMatch(a -> a.getFileName().toString().contains("-stripe."))
            .anyMatch(a -> a.getFileName().toString().contains("-base."));
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
        Map<String, String> foreground25 = new HashMap<>(java25);
        foreground25.put("NOTIF_CDS", "foreground");
        for (Map<String, String> env : List.of(Map.of("NOTIF_CDS", "foreground"), foreground25)) {
            assertThat(notif(env, "--version").code()).isZero();
            assertThat(notif(env, "send", "stripe", "--help").code()).isZero();
        }
        assertThat(archives()).hasSize(4);
        // each JVM now finds the other's archives under its own names, newer than every jar
        for (String family : List.of("-base.", "-stripe.")) {
            List<Path> both = archives().stream().filter(f -> f.getFileName().toString().contains(family)).toList();
            assertThat(both).hasSize(2);
            Path a = both.get(0);
            Path b = both.get(1);
            Path swap = cache.resolve("swap");
            Files.move(a, swap);
            Files.move(b, a);
            Files.move(swap, b);
        }

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

    @Test
    void the_standalone_image_unpacked_elsewhere_runs_from_the_aot_caches_it_ships_and_records_nothing()
            throws Exception {
        assumeTrue(Files.isDirectory(STANDALONE), "the standalone image is built when a JDK 25+ is found");
        assertThat(Files.readAllBytes(STANDALONE.resolve("bin/notif"))).as("the launcher is the one tested above")
            .isEqualTo(Files.readAllBytes(APP.resolve("bin/notif")));
        for (String family : StartupTraining.FAMILIES) {
            assertThat(STANDALONE.resolve("lib/aot/notif-" + family + ".aot")).isNotEmptyFile();
        }
        // where a user unpacks it: another path, files newer than when the caches were recorded
        Path unpacked = cache.resolve("unpacked");
        copy(STANDALONE, unpacked);
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", "");
        env.put("NOTIF_CONFIG_DIR", cache.resolve("config").toString());
        Path classes = cache.resolve("standalone-classes.log");
        env.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);

        Run send = run(unpacked, env, "send", "stripe", "--url", "http://127.0.0.1:1/stripe", "--secret",
            "whsec_0123456789abcdefghijklmnopqrstuv", "--json", "--timeout", "2");
        assertThat(send.code()).as(send.toString()).isEqualTo(1);
        assertThat(send.err()).as("stderr").isEmpty();
        assertThat(Json.parse(send.out()).get("verdict").asText()).isEqualTo("unreachable");
        assertThat(Files.readString(classes)).as("stripe family")
            .contains("dev.notif.Main source: shared objects file")
            .contains("okhttp3.OkHttpClient source: shared objects file")
            // every provider java.security names is in the runtime: no search of the class path that would
            // instantiate BouncyCastle's provider from its signed jar
            .doesNotContain("org.bouncycastle");

        // the first send apple makes the test chain (with BouncyCastle's certificate builder); the next ones read it and
        // load nothing from BouncyCastle's signed jars (whose signatures the JVM would check: 300 ms of CPU)
        Path appleClasses = cache.resolve("standalone-apple-classes.log");
        env.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + appleClasses);
        for (int i = 0; i < 2; i++) {
            Run apple = run(unpacked, env, "send", "apple", "--url", "http://127.0.0.1:1/apple", "--bundle-id",
                "com.example.app", "--json", "--timeout", "2");
            assertThat(Json.parse(apple.out()).get("verdict").asText()).as(apple.toString()).isEqualTo("unreachable");
        }
        assertThat(Files.readString(appleClasses)).as("apple family, the test chain already made")
            .contains("dev.notif.apple.AppleTestChain source: shared objects file")
            .doesNotContain("org.bouncycastle");
        // a run over notif.toml: its classes and its stores' libraries from the fleet family's cache
        Path fleetClasses = cache.resolve("standalone-fleet-classes.log");
        env.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + fleetClasses);
        Path toml = unreachableStripeApp();
        Run fleet = run(unpacked, env, "check", "--config", toml.toString(), "--json");
        assertThat(fleet.code()).as(fleet.toString()).isEqualTo(4); // the Stripe API cannot be reached
        assertThat(Files.readString(fleetClasses)).as("fleet family")
            .contains("dev.notif.fleet.FleetRun source: shared objects file")
            .contains("com.stripe.net.ApiResource source: shared objects file")
            .doesNotContain("org.bouncycastle");
        env.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);

        Run completion = run(unpacked, env, "completion", "bash");
        assertThat(completion.code()).isZero();
        assertThat(completion.err()).isEmpty();
        assertThat(completion.out()).isEqualTo(notif(Map.of("NOTIF_CDS", "off"), "completion", "bash").out());
        assertThat(Files.readString(classes)).as("base family").contains("dev.notif.Main source: shared objects file");

        Run version = run(unpacked, env, "--version");
        assertThat(version.out()).isEqualTo(version());
        assertThat(archives()).as("nothing recorded on the user's machine").isEmpty();
    }

    /**
     * A run over notif.toml gets the server compiler too (for the intrinsics of the crypto it does hundreds of times);
     * a single-store command, short, does not.
     */
    @Test
    void a_run_over_notif_toml_has_the_server_compiler_and_a_single_store_command_does_not()
            throws Exception {
        Path toml = unreachableStripeApp();
        List<Path> apps = new ArrayList<>(List.of(APP));
        if (Files.isDirectory(STANDALONE)) {
            apps.add(STANDALONE);
        }
        Map<String, String> env = new HashMap<>(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags", "NOTIF_CDS", "off"));
        for (Path app : apps) {
            if (app == STANDALONE) {
                env.put("JAVA_HOME", "");
            }
            Run fleet = run(app, env, "check", "--config", toml.toString(), "--json");
            assertThat(fleet.code()).as(app + ": " + fleet).isEqualTo(4); // the Stripe API cannot be reached
            String flags = fleet.out().lines().findFirst().orElseThrow();
            assertThat(flags).as(app.toString()).contains("-XX:TieredStopAtLevel=4");
            assertThat(Json.parse(fleet.out().substring(flags.length())).get("exit_code").asInt()).isEqualTo(4);

            Run one = run(app, env, "check", "stripe", "--url", "http://127.0.0.1:1/stripe", "--api-key",
                "sk_test_51FakeKeyForNotifTests0000y123", "--api-base", "http://127.0.0.1:1", "--timeout", "2");
            assertThat(one.out().lines().findFirst().orElseThrow()).as(app.toString())
                .contains("-XX:TieredStopAtLevel=1");
        }
    }

    /** A notif.toml of one Stripe app whose API cannot be reached (a run over it exits 4), in the cache directory. */
    private Path unreachableStripeApp() throws IOException {
        Path toml = cache.resolve("notif.toml");
        Files.writeString(toml, """
            [[app]]
            name = "shop"
              [app.stripe]
              url = "http://127.0.0.1:1/stripe"
              api_key = "sk_test_51FakeKeyForNotifTests0000y123"
              api_base = "http://127.0.0.1:1"
              timeout = 2
            """);
        return toml;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
                }
            }
        }
    }
}
