/** The baseline for startup: a JVM that prints one line and exits, with the launcher's JVM options. */
public final class BenchHello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
