package dev.notif.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a command names the values it was not given, in its messages. On the command line: the option and the
 * environment variable that fills it when left out ({@code --key-id (APPLE_IAP_KEY_ID)}). In a run over notif.toml,
 * which reads only the file (not those variables): the file's key, where it belongs, and why the file gave no value
 * ({@code api_key = "${KEY}" of [app.stripe] of app "web" in notif.toml: KEY is not set in the environment}).
 * {@code notif check}, {@code plan} and {@code apply} open a {@link #file} scope around each entry's command; it
 * reaches the threads that command starts, as {@link Http#trace} does.
 */
public final class Inputs {
    private static final InheritableThreadLocal<File> FILE = new InheritableThreadLocal<>();

    private Inputs() {
    }

    /**
     * One entry of notif.toml: the file as shown, the app and the store, and the values it leaves out (key: the
     * reference as written and why it gave nothing, e.g. {@code "${KEY}": KEY is not set in the environment}).
     */
    public record File(String name, String app, String store, Map<String, String> leftOut) {
        /** {@code [app.stripe] of app "web" in notif.toml} */
        public String table() {
            return "[app." + store + "] of app \"" + app + "\" in " + name;
        }
    }

    /** The scope of {@link #file}. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** From now on, in this thread and the threads it starts, values come from {@code file} until the scope closes. */
    public static Scope file(File file) {
        File before = FILE.get();
        FILE.set(file);
        return () -> FILE.set(before);
    }

    /** The entry of notif.toml this command runs for, or null on the command line. */
    public static File file() {
        return FILE.get();
    }

    /** notif.toml's key for an option: its long name without the dashes, in snake_case ({@code --key-id}: key_id). */
    public static String key(String option) {
        return option.replaceFirst("^--", "").replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /**
     * The values a command is missing, named for where they come from. {@code optionsAndVariables} alternate: an
     * option, then the environment variable that fills it when left out (null when none). On the command line:
     * {@code --key-file (APPLE_IAP_KEY_FILE), --key-id (APPLE_IAP_KEY_ID)}; in a run over notif.toml, the file's keys,
     * where they belong and why a reference gave nothing: {@code key_file, key_id ("${ID}": ID is not set in the
     * environment) in [app.apple] of app "ios" in notif.toml}.
     */
    public static String missing(String... optionsAndVariables) {
        File f = FILE.get();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < optionsAndVariables.length; i += 2) {
            String option = optionsAndVariables[i];
            String env = optionsAndVariables[i + 1];
            if (f != null) {
                String why = f.leftOut().get(key(option));
                names.add(key(option) + (why == null ? "" : " (" + why + ")"));
            } else {
                names.add(env == null ? option : option + " (" + env + ")");
            }
        }
        return String.join(", ", names) + (f == null ? "" : " in " + f.table());
    }
}
