package dev.notif.listen;

import dev.notif.core.Secrets;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The receiver's lines on stderr (a line per delivery, notices), printed by a thread of their own in batches, so a
 * busy receiver never answers a store later because a terminal or a pipe is slow. {@link #flush()} waits until
 * every line given so far is printed.
 */
public final class StderrLines implements AutoCloseable {
    private final PrintWriter err;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread printer;

    public StderrLines(PrintWriter err) {
        this.err = err;
        this.printer = new Thread(this::run, "notif-listen-stderr");
        this.printer.setDaemon(true);
        this.printer.start();
    }

    public void line(String line) {
        queue.add(line);
    }

    /** A line made on the printing thread (the receiver's threads only queue what it is made from). */
    public void line(Supplier<String> line) {
        queue.add(line);
    }

    /** Returns once every line given before is printed (at most a few seconds). */
    public void flush() {
        CountDownLatch done = new CountDownLatch(1);
        queue.add(done);
        try {
            done.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void run() {
        List<Object> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, 10_000);
            StringBuilder text = new StringBuilder();
            for (Object o : batch) {
                if (o instanceof String s) {
                    text.append(s).append(System.lineSeparator());
                } else if (o instanceof Supplier<?> s) {
                    text.append(s.get()).append(System.lineSeparator());
                }
            }
            if (!text.isEmpty()) {
                err.print(Secrets.scrub(text.toString())); // one scrub and one write for the batch
            }
            err.flush();
            for (Object o : batch) {
                if (o instanceof CountDownLatch l) {
                    l.countDown();
                }
            }
            batch.clear();
        }
    }
}
