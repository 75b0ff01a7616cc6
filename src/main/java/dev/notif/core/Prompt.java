package dev.notif.core;

/** Yes/no questions to the user, asked only when prompting is allowed (a terminal, outside CI). */
public interface Prompt {
    /** Whether a question may be asked at all. */
    boolean interactive();

    /** Asks; a no, or the end of input, is false. */
    boolean confirm(String question);

    /** No questions: for scripts and tests. */
    Prompt NONE = new Prompt() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public boolean confirm(String question) {
            return false;
        }
    };
}
