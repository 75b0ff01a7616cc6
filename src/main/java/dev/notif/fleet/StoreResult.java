package dev.notif.fleet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.notif.output.Check;
import java.util.List;
import java.util.Map;

/**
 * One app's store in the fleet report: the store command's checks (each under a key unique in the whole report:
 * {@code app/store/id}, with {@code [environment]} when the check names one, so production and sandbox stay apart),
 * the exit code its command had, and what the run noted about its values.
 */
public record StoreResult(String store, String target, boolean ok, int exitCode, long durationMs, List<String> notes,
                          List<Item> checks, @JsonIgnore String app, @JsonIgnore int line) {

    /** A check record of the store, with its unique key. */
    public record Item(String key, String id, Check.Status status, String summary, String fix,
                       Map<String, Object> details, @JsonInclude(JsonInclude.Include.NON_NULL) Check.Cause cause) {
        static Item of(String app, String store, Check c) {
            Object env = c.details().get("environment");
            return new Item(app + "/" + store + "/" + c.id() + (env == null ? "" : "[" + env + "]"), c.id(), c.status(),
                c.summary(), c.fix(), c.details(), c.cause());
        }

        /** The name of the check inside its store: {@code apple.history[sandbox]}. */
        public String name() {
            return key.substring(key.indexOf('/', key.indexOf('/') + 1) + 1);
        }
    }

    public long count(Check.Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** 0: failed or could not check everything; 1: warned; 2: passed (the text report lists failures first). */
    int severity() {
        return exitCode != 0 || count(Check.Status.FAIL) > 0 ? 0 : count(Check.Status.WARN) > 0 ? 1 : 2;
    }
}
