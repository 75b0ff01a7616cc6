package dev.notif.core;

/**
 * Yes/no questions to the user, asked only when prompting is allowed (a terminal, outside CI). By default none is
 * asked: not interactive, and every question answered no.
 */
public interface Prompt {
    /** Whether a question may be asked at all. */
    default boolean interactive() {
        return false;
    }

    /** Asks; a no, or the end of input, is false. */
    default boolean confirm(String question) {
        return false;
    }

    /** No questions: for scripts and tests. */
    Prompt NONE = new Prompt() {
    };
}
