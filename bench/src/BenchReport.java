import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints a Markdown table of a hyperfine JSON export, each command with its ratio to a baseline measured in the
 * same run. Usage: BenchReport FILE LABEL=BASELINE_LABEL... where the commands are named by hyperfine -n LABEL.
 */
public final class BenchReport {
    public static void main(String[] args) throws Exception {
        JsonNode results = new ObjectMapper().readTree(new File(args[0])).get("results");
        System.out.println("| command | mean ± σ (ms) | median (ms) | min (ms) | user+sys CPU (ms) | ratio (mean, median) |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        for (JsonNode r : results) {
            String name = r.get("command").asText();
            String ratio = "";
            for (String pair : Arrays.copyOfRange(args, 1, args.length)) {
                String[] p = pair.split("=", 2);
                if (p[0].equals(name)) {
                    JsonNode base = find(results, p[1]);
                    ratio = String.format("%.2fx, %.2fx vs %s", r.get("mean").asDouble() / base.get("mean").asDouble(),
                        r.get("median").asDouble() / base.get("median").asDouble(), p[1]);
                }
            }
            java.util.Set<Integer> codes = new java.util.TreeSet<>();
            r.path("exit_codes").forEach(c -> codes.add(c.asInt()));
            codes.remove(0);
            if (!codes.isEmpty()) {
                name += " (FAILED: exit " + codes + ")";
            }
            System.out.printf("| %s | %.1f ± %.1f | %.1f | %.1f | %.1f | %s |%n", name, ms(r, "mean"), ms(r, "stddev"),
                ms(r, "median"), ms(r, "min"), ms(r, "user") + ms(r, "system"), ratio);
        }
    }

    static double ms(JsonNode r, String field) {
        return r.get(field).asDouble() * 1000;
    }

    static JsonNode find(JsonNode results, String name) {
        List<String> names = new ArrayList<>();
        for (JsonNode r : results) {
            if (r.get("command").asText().equals(name)) {
                return r;
            }
            names.add(r.get("command").asText());
        }
        throw new IllegalArgumentException(name + " is not among " + names);
    }
}
