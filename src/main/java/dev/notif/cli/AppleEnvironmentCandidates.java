package dev.notif.cli;

import java.util.Iterator;
import java.util.List;

/** Completion candidates of the Apple commands' --environment. */
final class AppleEnvironmentCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return List.of("production", "sandbox").iterator();
    }
}
