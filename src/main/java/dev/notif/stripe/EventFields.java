package dev.notif.stripe;

import java.nio.charset.StandardCharsets;

/**
 * The few fields of a Stripe event the receiver needs ({@code id}, {@code type}, {@code livemode} and
 * {@code data.object}'s {@code object}, {@code id} and {@code customer}), read in one pass over the body's bytes that
 * also checks that the whole body is one JSON object (RFC 8259: UTF-8, no comments, no trailing commas, nothing
 * after it but whitespace), with jackson-core's bounds (nesting 1000, numbers of 1000 digits, names of 50,000 UTF-8
 * bytes). Where a name repeats, the last member decides, as in a parsed tree. EventFieldsTest holds it against
 * jackson-core's tree of the same bytes; it is stricter in two ways only, both RFC 8259's: no byte order mark or
 * UTF-16/32 (jackson-core guesses the encoding), and no invalid UTF-8 (jackson-core decodes an overlong {@code /}
 * and code points above U+10FFFF). No tree, no parser object: that was most of the CPU a delivery cost.
 *
 * @param id the event's {@code id} when a string (each field: null when absent or of another kind)
 * @param type the event's {@code type} when a string
 * @param livemode true only when {@code livemode} is {@code true}
 * @param object {@code data.object} when {@code data} is an object holding an object {@code object}, else null
 */
record EventFields(String id, String type, boolean livemode, DataObject object) {
    /** {@code data.object}: its {@code object} (kind), {@code id} and {@code customer} when each is a string. */
    record DataObject(String kind, String id, String customer) {
    }

    private static final int MAX_DEPTH = 1000;
    private static final int MAX_NUMBER = 1000;
    private static final int MAX_NAME = 50_000;
    private static final byte[] ID = bytes("id");
    private static final byte[] TYPE = bytes("type");
    private static final byte[] LIVEMODE = bytes("livemode");
    private static final byte[] DATA = bytes("data");
    private static final byte[] OBJECT = bytes("object");
    private static final byte[] CUSTOMER = bytes("customer");

    /** The fields, or null when the body is not exactly one JSON object. */
    static EventFields read(byte[] body) {
        try {
            Scanner s = new Scanner(body);
            s.space();
            EventFields fields = s.event();
            s.space();
            return s.at == body.length ? fields : null;
        } catch (Malformed e) {
            return null;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Not JSON: thrown without a stack trace (a hostile body costs no more than a good one). */
    private static final class Malformed extends RuntimeException {
        static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super(null, null, false, false);
        }
    }

    private static final class Scanner {
        final byte[] b;
        int at;

        Scanner(byte[] b) {
            this.b = b;
        }

        static Malformed malformed() {
            return Malformed.INSTANCE;
        }

        // ------------------------------------------------------------------------------- the fields of an event

        EventFields event() {
            expect('{');
            String id = null;
            String type = null;
            boolean livemode = false;
            DataObject object = null;
            if (!close('}')) {
                do {
                    name();
                    space();
                    expect(':');
                    space();
                    byte c = peek();
                    if (match(ID)) {
                        id = c == '"' ? string() : skip();
                    } else if (match(TYPE)) {
                        type = c == '"' ? string() : skip();
                    } else if (match(LIVEMODE)) {
                        livemode = c == 't';
                        value(1);
                    } else if (match(DATA)) {
                        object = c == '{' ? data() : skip();
                    } else {
                        value(1);
                    }
                    space();
                } while (next('}'));
            }
            return new EventFields(id, type, livemode, object);
        }

        /** {@code data}: its {@code object} member when that is an object, or null. */
        private DataObject data() {
            expect('{');
            DataObject found = null;
            if (!close('}')) {
                do {
                    name();
                    space();
                    expect(':');
                    space();
                    if (match(OBJECT)) {
                        found = peek() == '{' ? dataObject() : skip();
                    } else {
                        value(2);
                    }
                    space();
                } while (next('}'));
            }
            return found;
        }

        private DataObject dataObject() {
            expect('{');
            String kind = null;
            String id = null;
            String customer = null;
            if (!close('}')) {
                do {
                    name();
                    space();
                    expect(':');
                    space();
                    boolean text = peek() == '"';
                    if (match(OBJECT)) {
                        kind = text ? string() : skip();
                    } else if (match(ID)) {
                        id = text ? string() : skip();
                    } else if (match(CUSTOMER)) {
                        customer = text ? string() : skip();
                    } else {
                        value(3);
                    }
                    space();
                } while (next('}'));
            }
            return new DataObject(kind, id, customer);
        }

        /** Skips a value that is not of the kind wanted: the field is then null (the last member decides). */
        private <T> T skip() {
            value(1);
            return null;
        }

        // ------------------------------------------------------------------------------- names

        private int nameFrom;
        private int nameTo;
        private String decodedName;

        /**
         * Reads a member's name: its bytes are {@code [nameFrom, nameTo)}, or when it has escapes, its text is
         * {@link #decodedName}. {@link #match} compares it with a name.
         */
        private void name() {
            if (peek() != '"') {
                throw malformed();
            }
            int from = at + 1;
            boolean escaped = stringEnd();
            if (!escaped) {
                nameFrom = from;
                nameTo = at - 1;
                decodedName = null;
                if (nameTo - nameFrom > MAX_NAME) {
                    throw malformed();
                }
            } else {
                decodedName = decode(from, at - 1);
                if (decodedName.getBytes(StandardCharsets.UTF_8).length > MAX_NAME) {
                    throw malformed();
                }
            }
        }

        private boolean match(byte[] name) {
            if (decodedName != null) {
                return decodedName.equals(new String(name, StandardCharsets.US_ASCII));
            }
            int len = nameTo - nameFrom;
            if (len != name.length) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (b[nameFrom + i] != name[i]) {
                    return false;
                }
            }
            return true;
        }

        // ------------------------------------------------------------------------------- values

        /** Checks and skips one value of any kind, {@code depth} containers deep. */
        private void value(int depth) {
            byte c = peek();
            switch (c) {
                case '"' -> stringEnd();
                case '{' -> object(depth + 1);
                case '[' -> array(depth + 1);
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> number();
            }
        }

        private void object(int depth) {
            if (depth > MAX_DEPTH) {
                throw malformed();
            }
            expect('{');
            if (close('}')) {
                return;
            }
            do {
                name();
                space();
                expect(':');
                space();
                value(depth);
                space();
            } while (next('}'));
        }

        private void array(int depth) {
            if (depth > MAX_DEPTH) {
                throw malformed();
            }
            expect('[');
            if (close(']')) {
                return;
            }
            do {
                space();
                value(depth);
                space();
            } while (next(']'));
        }

        private void literal(String word) {
            int n = word.length();
            if (at + n > b.length) {
                throw malformed();
            }
            for (int i = 0; i < n; i++) {
                if (b[at + i] != word.charAt(i)) {
                    throw malformed();
                }
            }
            at += n;
        }

        /**
         * {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, of at most {@link #MAX_NUMBER} digits in all
         * (signs and punctuation not counted, as jackson-core counts them).
         */
        private void number() {
            if (at < b.length && b[at] == '-') {
                at++;
            }
            if (at >= b.length) {
                throw malformed();
            }
            int count;
            if (b[at] == '0') {
                at++;
                count = 1;
            } else if (b[at] >= '1' && b[at] <= '9') {
                count = digits();
            } else {
                throw malformed();
            }
            if (at < b.length && b[at] == '.') {
                at++;
                int fraction = digits();
                if (fraction == 0) {
                    throw malformed();
                }
                count += fraction;
            }
            if (at < b.length && (b[at] == 'e' || b[at] == 'E')) {
                at++;
                if (at < b.length && (b[at] == '+' || b[at] == '-')) {
                    at++;
                }
                int exponent = digits();
                if (exponent == 0) {
                    throw malformed();
                }
                count += exponent;
            }
            if (count > MAX_NUMBER) {
                throw malformed();
            }
        }

        private int digits() {
            int from = at;
            while (at < b.length && b[at] >= '0' && b[at] <= '9') {
                at++;
            }
            return at - from;
        }

        /** A string's value (decoded). */
        private String string() {
            int from = at + 1;
            boolean escaped = stringEnd();
            return escaped ? decode(from, at - 1) : new String(b, from, at - 1 - from, StandardCharsets.UTF_8);
        }

        /**
         * Checks the string starting at {@code at} (its opening quote) and moves past its closing quote: no raw
         * control characters, valid escapes, valid UTF-8. Returns whether it holds escapes.
         */
        private boolean stringEnd() {
            at++;
            boolean escaped = false;
            while (true) {
                if (at >= b.length) {
                    throw malformed();
                }
                int c = b[at];
                if (c == '"') {
                    at++;
                    return escaped;
                }
                if (c == '\\') {
                    escaped = true;
                    escape();
                } else if (c >= 0x20) {
                    at++;
                } else if (c >= 0) {
                    throw malformed(); // a raw control character
                } else {
                    utf8(c & 0xFF);
                }
            }
        }

        private void escape() {
            if (at + 1 >= b.length) {
                throw malformed();
            }
            switch (b[at + 1]) {
                case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> at += 2;
                case 'u' -> {
                    if (at + 6 > b.length) {
                        throw malformed();
                    }
                    for (int i = 2; i < 6; i++) {
                        if (Character.digit(b[at + i], 16) < 0) {
                            throw malformed();
                        }
                    }
                    at += 6;
                }
                default -> throw malformed();
            }
        }

        /** One multi-byte UTF-8 sequence whose first byte is {@code lead} (RFC 3629: no overlong forms, surrogates). */
        private void utf8(int lead) {
            int n;
            int min;
            int max = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                n = 2;
                min = lead == 0xE0 ? 0xA0 : 0x80;
                max = lead == 0xED ? 0x9F : 0xBF;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                n = 3;
                min = lead == 0xF0 ? 0x90 : 0x80;
                max = lead == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw malformed();
            }
            if (at + n >= b.length) {
                throw malformed();
            }
            int second = b[at + 1] & 0xFF;
            if (second < min || second > max) {
                throw malformed();
            }
            for (int i = 2; i <= n; i++) {
                if ((b[at + i] & 0xC0) != 0x80) {
                    throw malformed();
                }
            }
            at += n + 1;
        }

        /** The text of a checked string's content {@code [from, to)} with its escapes resolved. */
        private String decode(int from, int to) {
            StringBuilder out = new StringBuilder(to - from);
            int i = from;
            while (i < to) {
                int run = i;
                while (i < to && b[i] != '\\') {
                    i++;
                }
                out.append(new String(b, run, i - run, StandardCharsets.UTF_8));
                if (i >= to) {
                    break;
                }
                byte e = b[i + 1];
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(new String(b, i + 2, 4, StandardCharsets.US_ASCII), 16));
                        i += 4;
                    }
                    default -> out.append((char) e);
                }
                i += 2;
            }
            return out.toString();
        }

        // ------------------------------------------------------------------------------- punctuation

        private byte peek() {
            if (at >= b.length) {
                throw malformed();
            }
            return b[at];
        }

        private void expect(char c) {
            if (at >= b.length || b[at] != c) {
                throw malformed();
            }
            at++;
        }

        /** After an opening bracket: whether the container closes at once ({@code {}} or {@code []}). */
        private boolean close(char c) {
            space();
            if (at < b.length && b[at] == c) {
                at++;
                return true;
            }
            return false;
        }

        /** After a member or element: true on a comma (another one follows), false on {@code end}. */
        private boolean next(char end) {
            if (at >= b.length) {
                throw malformed();
            }
            byte c = b[at++];
            if (c == ',') {
                space();
                return true;
            }
            if (c == end) {
                return false;
            }
            throw malformed();
        }

        void space() {
            while (at < b.length) {
                byte c = b[at];
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    return;
                }
                at++;
            }
        }
    }
}
