package dev.notif.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.notif.config.NotifConfig.App;
import dev.notif.config.NotifConfig.StoreEntry;
import dev.notif.config.NotifConfig.Value;
import dev.notif.config.Schema.Key;
import dev.notif.config.Schema.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads notif.toml against a {@link Schema}: TOML syntax by Jackson's TOML reader, then every table and key by
 * name and type. The first mistake stops the reading with a {@link ConfigError} that names its line and column;
 * inline secrets in a file others may read are warnings.
 */
public final class ConfigReader {
    public static final String DEFAULTS = "defaults";
    public static final String APP = "app";
    public static final String CONCURRENCY = "concurrency";
    static final String NAME = "name";
    static final int MAX_CONCURRENCY = 256;
    private static final Pattern APP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String DOCS = "see docs/config.md for every key";
    /** Inline secrets a warning names; it counts the others. */
    private static final int NAMED = 3;

    private final Path file;
    private final String shown;
    private final Schema schema;
    private final References references;
    private TomlLocator locator;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> inlineSecrets = new ArrayList<>();

    private ConfigReader(Path file, Schema schema, Map<String, String> env) {
        this.file = file;
        this.shown = file.toString();
        this.schema = schema;
        Path dir = file.toAbsolutePath().getParent();
        this.references = new References(dir, env);
    }

    /** Reads and checks {@code file}; a mistake in it is a {@link ConfigError} (exit 2). */
    public static NotifConfig read(Path file, Schema schema, Map<String, String> env) {
        return new ConfigReader(file, schema, env).read();
    }

    private NotifConfig read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ConfigError.at(shown, null, null, "no such file", null,
                "write a starting one with: notif init (or pass --config FILE)");
        } catch (IOException e) {
            throw ConfigError.at(shown, null, null, "cannot be read: " + e.getMessage(), null,
                "check the path and its permissions");
        }
        JsonNode root = parse(text);
        locator = new TomlLocator(text);
        if (!root.isObject()) {
            throw error("", null, "is not a TOML document", null, DOCS);
        }
        Set<String> top = new java.util.LinkedHashSet<>(List.of(DEFAULTS, APP, CONCURRENCY));
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!top.contains(name)) {
                throw unknown(name, name, top, "each app is an [[app]] table; shared values go in [defaults]");
            }
        }
        Map<String, Value> defaults = table(root.get(DEFAULTS), DEFAULTS, DEFAULTS, schema.inherited(), "[defaults]");
        Map<String, Integer> concurrency = concurrency(root.get(CONCURRENCY));
        List<App> apps = apps(root.get(APP), defaults);
        modeWarnings();
        return new NotifConfig(file, shown, apps, concurrency, List.copyOf(warnings));
    }

    private JsonNode parse(String text) {
        try {
            JsonNode root = new TomlMapper().readTree(text);
            return root == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : root;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            Position at = loc == null ? null : new Position(loc.getLineNr(), loc.getColumnNr());
            String what = e.getOriginalMessage();
            String hint = "TOML: strings in double quotes (url = \"https://...\"), one key = value per line, tables as"
                + " [defaults], apps as [[app]] and their stores as [app.stripe]";
            if ("Unknown token".equals(what)) {
                what = "TOML cannot read this value";
            } else if (what != null && what.startsWith("Duplicate key")) {
                what = "a key or table is set twice";
                hint = "keep one of them; each [[app]] starts a new app";
            }
            throw ConfigError.at(shown, at, null, "not valid TOML: " + what, null, hint);
        }
    }

    private Map<String, Integer> concurrency(JsonNode node) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            throw error(CONCURRENCY, CONCURRENCY, "is not a table", "[concurrency] with a number per store", DOCS);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = CONCURRENCY + "." + e.getKey();
            if (!schema.stores().containsKey(e.getKey())) {
                throw unknown(path, path, schema.stores().keySet(), "[concurrency] bounds how many checks of a store"
                    + " run at once");
            }
            JsonNode v = e.getValue();
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > MAX_CONCURRENCY) {
                throw error(path, path, "is " + describe(v), "a whole number from 1 to " + MAX_CONCURRENCY,
                    "for example " + e.getKey() + " = 8");
            }
            out.put(e.getKey(), v.asInt());
        }
        return out;
    }

    private List<App> apps(JsonNode node, Map<String, Value> defaults) {
        if (node == null) {
            throw error("", null, "lists no app", "at least one [[app]] table with a name and its stores",
                "start from: notif init, or add [[app]] name = \"my-app\" and [app.stripe] url = \"https://...\"");
        }
        if (!node.isArray()) {
            throw error(APP, APP, "is a single table", "[[app]] (double brackets: one table per app)",
                "write [[app]] instead of [app]");
        }
        List<App> apps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = APP + "[" + i + "]";
            JsonNode app = node.get(i);
            if (!app.isObject()) {
                throw error(path, APP, "is " + describe(app), "a table", "write each app as an [[app]] table");
            }
            JsonNode nameNode = app.get(NAME);
            if (nameNode == null || !nameNode.isTextual() || !APP_NAME.matcher(nameNode.asText()).matches()) {
                throw error(nameNode == null ? path : path + "." + NAME, APP + "." + NAME,
                    nameNode == null ? "is missing" : "is " + describe(nameNode),
                    "a name of letters, digits, '.', '_' or '-' (it labels every finding)",
                    "for example name = \"game-ios\"");
            }
            String name = nameNode.asText();
            if (!names.add(name)) {
                throw error(path + "." + NAME, APP + "." + NAME, "\"" + name + "\" is used by an earlier app",
                    "a unique name", "give each [[app]] its own name, for example " + name + "-2");
            }
            apps.add(app(app, path, name, defaults));
        }
        return apps;
    }

    private App app(JsonNode app, String path, String name, Map<String, Value> defaults) {
        Set<String> allowed = new java.util.LinkedHashSet<>();
        allowed.add(NAME);
        allowed.addAll(schema.stores().keySet());
        allowed.addAll(schema.inherited().keySet());
        Map<String, JsonNode> own = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = app.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!allowed.contains(e.getKey())) {
                throw unknown(path + "." + e.getKey(), shownKey(name, e.getKey()), allowed,
                    "an app holds its name, " + String.join(", ", schema.inherited().keySet()) + " and a table per"
                        + " store ([app.stripe], [app.apple], ...)");
            }
            own.put(e.getKey(), e.getValue());
        }
        Map<String, JsonNode> inheritedNodes = new LinkedHashMap<>();
        schema.inherited().keySet().forEach(k -> {
            if (own.containsKey(k)) {
                inheritedNodes.put(k, own.get(k));
            }
        });
        ObjectNodeView appInherited = new ObjectNodeView(inheritedNodes);
        Map<String, Value> appValues = table(appInherited.node(), path, name, schema.inherited(), "[[app]] " + name);
        Map<String, Value> inherited = new LinkedHashMap<>(defaults);
        inherited.putAll(appValues);
        List<StoreEntry> stores = new ArrayList<>();
        for (String store : schema.stores().keySet()) {
            JsonNode table = own.get(store);
            if (table == null) {
                continue;
            }
            String storePath = path + "." + store;
            if (!table.isObject()) {
                throw error(storePath, shownKey(name, store), "is " + describe(table), "a table [app." + store + "]",
                    "write the store's keys under [app." + store + "], after the app's name");
            }
            Map<String, Value> values = table(table, storePath, name, schema.storeKeys(store), "[app." + store + "]");
            inherited.forEach(values::putIfAbsent);
            stores.add(new StoreEntry(name, store, locator.find(storePath), values));
        }
        if (stores.isEmpty()) {
            throw error(path, shownKey(name, null), "lists no store",
                "at least one of " + String.join(", ", schema.stores().keySet().stream().map(s -> "[app." + s + "]")
                    .toList()), "add the tables of the stores this app uses after its name");
        }
        return new App(name, locator.find(path), stores);
    }

    /** A table of plain values against its keys. {@code app} is the app's name for messages (or "defaults"). */
    private Map<String, Value> table(JsonNode node, String path, String app, Map<String, Key> keys, String what) {
        Map<String, Value> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            throw error(path, path, "is " + describe(node), "a table", DOCS);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String keyPath = path + "." + e.getKey();
            String store = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : null;
            String shownKey = DEFAULTS.equals(app) ? DEFAULTS + "." + e.getKey()
                : shownKey(app, store == null ? e.getKey() : store + "." + e.getKey());
            Key key = keys.get(e.getKey());
            if (key == null) {
                throw unknown(keyPath, shownKey, keys.keySet(), what + " takes: " + String.join(", ", keys.keySet()));
            }
            out.put(key.name(), value(keyPath, shownKey, key, e.getValue()));
        }
        return out;
    }

    private Value value(String path, String shownKey, Key key, JsonNode node) {
        Position at = locator.find(path);
        Kind kind = key.kind();
        String reference = null;
        String unresolved = null;
        Object value;
        if (node.isTextual() && References.isReference(node.asText()) && kind != Kind.FILE) {
            reference = node.asText();
            References.Resolved r = references.resolve(reference);
            if (r.value() == null) {
                return new Value(key.name(), kind, null, at, reference, r.problem());
            }
            value = convert(path, shownKey, key, null, r.value());
        } else {
            value = convert(path, shownKey, key, node, null);
            if (kind == Kind.FILE) {
                References.Resolved r = references.path(node.asText());
                reference = node.asText();
                value = r.value();
                unresolved = r.problem();
            } else if (kind == Kind.SECRET && !String.valueOf(value).isEmpty()) {
                inlineSecrets.add(shownKey);
            }
        }
        return new Value(key.name(), kind, value, at, reference, unresolved);
    }

    /** {@code node} as the key's kind; or {@code text}, a resolved reference's value, parsed as that kind. */
    private Object convert(String path, String shownKey, Key key, JsonNode node, String text) {
        Kind kind = key.kind();
        String expected = kind.expected() + (key.choices().isEmpty() ? "" : " (one of " + String.join(", ",
            key.choices()) + ")");
        String hint = "for example " + example(key);
        String got = node != null ? "is " + describe(node) : "resolves to \"" + shorten(text, kind) + "\"";
        switch (kind) {
            case BOOL -> {
                if (node != null && node.isBoolean()) {
                    return node.asBoolean();
                }
                if (text != null && (text.equals("true") || text.equals("false"))) {
                    return Boolean.parseBoolean(text);
                }
            }
            case INT -> {
                if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
                    return node.asLong();
                }
                if (text != null && text.matches("-?\\d{1,18}")) {
                    return Long.parseLong(text);
                }
            }
            case NUMBER -> {
                if (node != null && node.isNumber()) {
                    return node.asDouble();
                }
                if (text != null && text.matches("-?\\d+(\\.\\d+)?")) {
                    return Double.parseDouble(text);
                }
            }
            case DURATION -> {
                Duration d = Durations.parse(node != null && node.isTextual() ? node.asText() : text);
                if (d != null && !d.isZero()) {
                    return d;
                }
            }
            case STRINGS -> {
                if (node != null && node.isArray()) {
                    List<String> list = new ArrayList<>();
                    for (JsonNode item : node) {
                        if (!item.isTextual() || !key.choices().isEmpty() && !key.choices().contains(item.asText())) {
                            throw error(path, shownKey, "holds " + describe(item), expected, hint);
                        }
                        if (!list.contains(item.asText())) {
                            list.add(item.asText());
                        }
                    }
                    if (!list.isEmpty()) {
                        return List.copyOf(list);
                    }
                    throw error(path, shownKey, "is an empty list", expected, hint);
                }
            }
            default -> {
                String s = node != null && node.isTextual() ? node.asText() : text;
                if (s != null && (key.choices().isEmpty() || key.choices().contains(s))) {
                    if (kind == Kind.URL && !isHttpUrl(s)) {
                        throw error(path, shownKey, got, expected, "a full URL such as https://api.example.com/"
                            + "webhooks, in quotes");
                    }
                    return s;
                }
            }
        }
        throw error(path, shownKey, got, expected, hint);
    }

    static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isEmpty()
                && s.equals(s.strip());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String example(Key key) {
        return switch (key.kind()) {
            case BOOL -> key.name() + " = true";
            case INT -> key.name() + " = 7";
            case NUMBER -> key.name() + " = 10";
            case DURATION -> key.name() + " = \"24h\"";
            case STRINGS -> key.name() + " = [" + String.join(", ", (key.choices().isEmpty() ? List.of("a", "b")
                : key.choices()).stream().map(c -> "\"" + c + "\"").toList()) + "]";
            case SECRET -> key.name() + " = \"${" + key.name().toUpperCase(Locale.ROOT) + "}\" (read from the"
                + " environment) or \"file:secrets/" + key.name() + "\"";
            case URL -> key.name() + " = \"https://api.example.com/webhooks\"";
            case FILE -> key.name() + " = \"keys/" + key.name() + "\"";
            default -> key.name() + " = \"" + (key.choices().isEmpty() ? "..." : key.choices().get(0)) + "\"";
        };
    }

    /** How a value of the wrong type is named in the message (secrets never quoted). */
    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string \"" + shorten(node.asText(), null) + "\"";
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a table";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String shorten(String s, Kind kind) {
        if (kind == Kind.SECRET) {
            return dev.notif.core.Secrets.redact(s);
        }
        String scrubbed = dev.notif.core.Secrets.scrub(s);
        return scrubbed.length() > 60 ? scrubbed.substring(0, 57) + "..." : scrubbed;
    }

    private static String shownKey(String app, String key) {
        return (key == null ? "app" : key) + " (app \"" + app + "\")";
    }

    private ConfigError unknown(String path, String shownKey, Set<String> known, String hint) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        String close = Suggest.closest(name, known);
        return ConfigError.at(shown, locator == null ? null : locator.find(path), shownKey, "unknown key",
            "one of " + String.join(", ", new TreeSet<>(known)),
            (close == null ? "" : "did you mean " + close + "? ") + hint);
    }

    private ConfigError error(String path, String key, String problem, String expected, String hint) {
        return ConfigError.at(shown, locator == null || path.isEmpty() ? null : locator.find(path), key, problem,
            expected, hint);
    }

    private void modeWarnings() {
        String mode = FileModes.readableByOthers(file);
        if (mode != null && !inlineSecrets.isEmpty()) {
            warnings.add(shown + " holds " + named(inlineSecrets) + " inline and is readable by other users (mode "
                + mode + "): write it as \"${ENV_VAR}\" or \"file:PATH\", or chmod 600 " + shown);
        }
        warnings.addAll(references.warnings());
    }

    /** The first {@value #NAMED} keys and how many more: a file of many apps still gets a warning of one line. */
    static String named(List<String> keys) {
        if (keys.size() <= NAMED) {
            return String.join(", ", keys);
        }
        return keys.size() + " secrets (" + String.join(", ", keys.subList(0, NAMED)) + " and " + (keys.size() - NAMED)
            + " more)";
    }

    /** An ObjectNode over a subset of another table's fields. */
    private record ObjectNodeView(Map<String, JsonNode> fields) {
        JsonNode node() {
            var obj = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            fields.forEach(obj::set);
            return obj;
        }
    }
}
