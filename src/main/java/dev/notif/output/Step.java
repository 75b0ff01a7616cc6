package dev.notif.output;

/** One step of an offline verification ({@code verify X}): its name, pass|warn|fail|skip, and what it found. */
public record Step(String name, String status, String detail) {
    public static Step pass(String name, String detail) {
        return new Step(name, "pass", detail);
    }

    public static Step warn(String name, String detail) {
        return new Step(name, "warn", detail);
    }

    public static Step fail(String name, String detail) {
        return new Step(name, "fail", detail);
    }

    public static Step skip(String name, String detail) {
        return new Step(name, "skip", detail);
    }

    public boolean failed() {
        return "fail".equals(status);
    }

    /** The steps as lines of text: status, the name in a column, the detail. */
    public static void print(Text out, java.util.List<Step> steps) {
        int width = steps.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (Step s : steps) {
            String status = "  " + out.status(s.status()) + " ".repeat(Math.max(1, 6 - s.status().length()));
            out.line(status + s.name() + " ".repeat(width - s.name().length() + 2) + s.detail(),
                Wrap.width(status) + width + 2); // a long detail continues under itself
        }
    }
}
