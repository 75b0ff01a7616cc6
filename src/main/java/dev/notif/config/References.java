package dev.notif.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that point elsewhere: {@code "${ENV_VAR}"} (also inside a string: {@code "https://${HOST}/stripe"}) and
 * {@code "file:PATH"} (the file's content, trimmed; PATH relative to notif.toml's directory, {@code ~/} the home).
 * A reference that gives nothing is not an error of the file: the value is missing, and the command that needs it
 * says so (a missing API key is exit 3, as for one store).
 */
final class References {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    static final String FILE_PREFIX = "file:";

    /** A resolved value, or null and why. */
    record Resolved(String value, String problem) {
    }

    private final Path dir;
    private final Map<String, String> env;
    private final List<String> warnings = new ArrayList<>();

    References(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env;
    }

    static boolean isReference(String value) {
        return value.startsWith(FILE_PREFIX) || VARIABLE.matcher(value).find();
    }

    Resolved resolve(String reference) {
        if (reference.startsWith(FILE_PREFIX)) {
            Resolved p = path(reference.substring(FILE_PREFIX.length()));
            if (p.value() == null) {
                return p;
            }
            Path file = Path.of(p.value());
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (content.isEmpty()) {
                    return new Resolved(null, reference + ": the file is empty");
                }
                String mode = FileModes.readableByOthers(file);
                if (mode != null) {
                    warnings.add(file + " holds a secret and is readable by other users (mode " + mode + "): chmod 600 "
                        + file);
                }
                return new Resolved(content, null);
            } catch (NoSuchFileException e) {
                return new Resolved(null, reference + ": no such file (" + file + ")");
            } catch (IOException e) {
                return new Resolved(null, reference + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        return variables(reference);
    }

    /** A path value: variables expanded, {@code file:} and {@code ~/} allowed, relative to notif.toml's directory. */
    Resolved path(String value) {
        Resolved expanded = variables(value.startsWith(FILE_PREFIX) ? value.substring(FILE_PREFIX.length()) : value);
        if (expanded.value() == null) {
            return expanded;
        }
        String v = expanded.value();
        String home = env.get("HOME");
        if (v.startsWith("~/") && home != null) {
            v = home + v.substring(1);
        }
        return new Resolved(dir.resolve(v).normalize().toString(), null);
    }

    private Resolved variables(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String v = env.get(m.group(1));
            if (v == null || v.isEmpty()) {
                missing.add(m.group(1));
                v = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            return new Resolved(null, String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                + " not set in the environment");
        }
        return new Resolved(out.toString(), null);
    }

    List<String> warnings() {
        return warnings;
    }
}
