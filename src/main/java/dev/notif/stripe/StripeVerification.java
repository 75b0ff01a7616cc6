package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.core.Secrets;
import dev.notif.output.Step;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * {@code notif verify stripe}: a captured delivery (body bytes, Stripe-Signature value, candidate secrets) checked
 * the way Stripe's libraries check it (split on {@code ,} and {@code =}; HMAC-SHA256 keyed by the whole secret over
 * {@code "<t>.<body>"}; any v1 may match; a timestamp at most the tolerance old, one from the future accepted), step
 * by step. When it fails, the cause is named from what can be told apart: a header mangled on the way, a key or an
 * endpoint id pasted as the secret, a secret with quotes or whitespace, a body altered after Stripe signed it (which
 * alteration: the secret then verifies the body undone), a timestamp outside the tolerance (by how much), or a wrong
 * secret. A pure function of its input.
 */
public final class StripeVerification {
    public static final String VALID = "valid";
    public static final String WRONG_SECRET = "wrong_secret";
    public static final String BODY_ALTERED = "body_altered";
    public static final String BODY_ALTERED_OR_WRONG_SECRET = "body_altered_or_wrong_secret";
    public static final String TIMESTAMP = "timestamp_outside_tolerance";
    public static final String HEADER = "header_mangled";
    public static final String NOT_A_SECRET = "not_a_signing_secret";
    public static final String SECRET_QUOTED = "secret_quoted_or_spaced";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern SVIX = Pattern.compile("^v1,[A-Za-z0-9+/=]{20,}.*");
    private static final Pattern GITHUB = Pattern.compile("^sha(?:1|256)=[0-9a-fA-F]+$");

    /** A candidate secret and where it came from ({@code --secret #2}, {@code --secret-file old.txt}). */
    public record Secret(String value, String source) {
    }

    public record Input(byte[] payload, String header, List<Secret> secrets, long toleranceSeconds, long nowSeconds) {
    }

    /** What was found; {@code matchedSecret} redacted. */
    public record Report(boolean valid, String cause, String causeCode, String fix, Secret matched, Long timestamp,
                         Long ageSeconds, Integer signatures, Integer matchedSignature, String bodyAlteration,
                         JsonNode event, List<Step> steps) {
    }

    /** How a body may have been altered after Stripe signed it, and how to undo it. */
    record Alteration(String code, String words, UnaryOperator<byte[]> undo) {
    }

    private StripeVerification() {
    }

    public static Report verify(Input in) {
        List<Step> steps = new ArrayList<>();
        JsonNode event = payloadStep(in.payload(), steps);

        // the header
        HeaderRead header = readHeader(in.header());
        steps.add(header.step());
        if (header.fatal() != null) {
            return finish(in, steps, event, header, false, header.fatal(), HEADER, headerFix(header), null, null,
                null, null);
        }

        // the secrets
        List<Secret> usable = new ArrayList<>();
        List<String> notSecrets = new ArrayList<>();
        List<Secret> cleaned = new ArrayList<>();
        for (Secret s : in.secrets()) {
            List<StripeSecret.Problem> problems = StripeSecret.problems(s.value());
            StripeSecret.Problem notSecret = problems.stream().filter(p -> p.code().equals("api_key")
                || p.code().equals("publishable_key") || p.code().equals("endpoint_id")).findFirst().orElse(null);
            if (notSecret != null) {
                notSecrets.add(s.source() + " (" + Secrets.redact(s.value().strip()) + "): "
                    + notSecret.message());
            } else if (problems.stream().anyMatch(p -> p.code().equals("quoted") || p.code().equals("whitespace"))) {
                cleaned.add(new Secret(clean(s.value()), s.source()));
                usable.add(s);
            } else {
                usable.add(s);
            }
        }
        steps.add(secretsStep(in.secrets(), usable, notSecrets, cleaned));
        if (usable.isEmpty()) {
            String cause = String.join("; ", notSecrets) + ": a delivery is signed with the endpoint's signing secret"
                + " (whsec_...), never with an API key or the endpoint's id";
            return finish(in, steps, event, header, false, cause, NOT_A_SECRET, "reveal the endpoint's signing secret in "
                + StripeVerdicts.DASHBOARD_SECRET + " and pass it with --secret (the backend must hold the same one)",
                null, null, null, null);
        }

        // the signature, with the secrets as given
        StripeSignature.Header h = header.parsed();
        Match direct = match(h, usable, in.payload());
        if (direct != null) {
            steps.add(Step.pass("signature", "v1" + (h.v1().size() > 1 ? " #" + (direct.index() + 1) + " of "
                + h.v1().size() : "") + " matches the HMAC-SHA256 of \"<t>.<body>\" keyed by " + direct.secret().source()));
            if (direct.index() > 0) {
                steps.add(Step.warn("signatures", "the matching v1 is not the first one: a receiver that compares only"
                    + " the first v1 refuses this delivery"));
            }
            if (header.mangled() != null) {
                return finish(in, steps, event, header, false, "the signature matches, but " + header.mangled()
                    + ": Stripe's libraries read that header as having no usable signature and refuse the delivery",
                    HEADER, headerFix(header), direct.secret(), direct.index(), null, null);
            }
            return timed(in, steps, event, header, direct, null);
        }
        for (Secret c : cleaned) {
            Match m = match(h, List.of(c), in.payload());
            if (m != null) {
                steps.add(Step.fail("signature", "no secret as given matches; " + c.source() + " matches once its quotes"
                    + " and whitespace are removed"));
                return finish(in, steps, event, header, false, c.source() + " verifies this delivery only without its"
                    + " quotes or whitespace, which otherwise become part of the HMAC key: a backend that holds the secret"
                    + " like this refuses every delivery", SECRET_QUOTED, "store the bare whsec_... value (no quotes, no"
                    + " spaces or newline; check .env files and secret managers for a trailing newline)", c, m.index(),
                    null, null);
            }
        }
        steps.add(Step.fail("signature", "no v1 matches with " + (usable.size() == 1 ? "the secret"
            : "any of the " + usable.size() + " secrets")));

        // the body: does a secret verify it once a common alteration is undone?
        List<Secret> all = new ArrayList<>(usable);
        all.addAll(cleaned);
        for (Alteration a : alterations(in.payload())) {
            byte[] undone;
            try {
                undone = a.undo().apply(in.payload());
            } catch (RuntimeException e) {
                continue;
            }
            if (undone == null || Arrays.equals(undone, in.payload())) {
                continue;
            }
            Match m = match(h, all, undone);
            if (m != null) {
                steps.add(Step.fail("body", "altered after Stripe signed it: " + a.words() + "; undone, it verifies with "
                    + m.secret().source()));
                String fix = a.code().startsWith("reserialized") ? StripeFixes.RAW_BODY : StripeFixes.EXACT_BYTES;
                return finish(in, steps, event, header, false, "the secret is right (" + m.secret().source()
                        + ") but the body is not the bytes Stripe signed: " + a.words(), BODY_ALTERED, fix, m.secret(),
                    m.index(), a.code(), null);
            }
        }
        List<String> tells = tells(in.payload());
        if (!tells.isEmpty()) {
            steps.add(Step.fail("body", "not in the form Stripe sends it (" + String.join("; ", tells) + "), and undoing"
                + " the common alterations does not make any secret verify it"));
            return finish(in, steps, event, header, false, "no secret verifies it, and the body is not as Stripe sends it"
                + " (" + String.join("; ", tells) + "): it was most likely altered before it was verified or captured,"
                + " which alone makes every signature fail; whether the secret is right cannot be told from this copy",
                BODY_ALTERED_OR_WRONG_SECRET, "capture the raw request body byte for byte and verify it again; "
                    + StripeFixes.RAW_BODY, null, null, null, null);
        }
        steps.add(Step.pass("body", "looks as Stripe sends it (indented JSON, LF line endings, UTF-8); no common"
            + " alteration undone makes a secret verify it"));
        String several = h.v1().size() > 1 ? "; the header carries " + h.v1().size() + " v1 signatures (Stripe was"
            + " signing with two secrets, a roll in progress), none from these secrets" : "";
        String mode = event == null || !event.has("livemode") ? "" : " (a " + (event.path("livemode").asBoolean()
            ? "live" : "test") + "-mode event: the secret is the " + (event.path("livemode").asBoolean() ? "live" : "test")
            + "-mode endpoint's)";
        return finish(in, steps, event, header, false, "wrong secret: " + (usable.size() == 1 ? "the secret did not sign"
                : "none of the " + usable.size() + " secrets signed") + " this delivery" + several + "; it was"
                + " signed with another endpoint's secret, the other mode's, or one rolled since" + mode,
            WRONG_SECRET, "reveal the signing secret of the endpoint that sent it (" + StripeVerdicts.DASHBOARD_SECRET
                + "; each endpoint, and test and live mode, has its own) and verify with it; the backend must hold the"
                + " same one", null, null, null, null);
    }

    /** A signature matched: now the timestamp. */
    private static Report timed(Input in, List<Step> steps, JsonNode event, HeaderRead header, Match m,
                                String alteration) {
        long t = header.parsed().timestamp();
        long age = in.nowSeconds() - t;
        long tolerance = in.toleranceSeconds();
        if (tolerance > 0 && age > tolerance) {
            steps.add(Step.fail("timestamp", "signed " + age + " s ago, " + (age - tolerance) + " s beyond the "
                + tolerance + " s tolerance"));
            return finish(in, steps, event, header, false, "the secret (" + m.secret().source() + ") and body are right,"
                + " but the signature's timestamp is " + duration(age) + " old, " + duration(age - tolerance)
                + " beyond the " + tolerance + " s tolerance: a receiver verifying it now refuses it as a replay",
                TIMESTAMP, "if this is an old capture, check its signature alone with --tolerance 0; if the receiver"
                    + " refused it when it arrived, its clock was about " + duration(age) + " ahead of Stripe's: sync"
                    + " it with NTP (Stripe retries with a new timestamp each attempt)", m.secret(), m.index(),
                alteration, age);
        }
        if (age < -60) {
            steps.add(Step.warn("timestamp", "signed " + duration(-age) + " in the future of this machine's clock:"
                + " this clock is behind the signer's (Stripe's libraries accept timestamps from the future)"));
        } else {
            steps.add(tolerance > 0 ? Step.pass("timestamp", "signed " + age + " s ago, within the " + tolerance
                + " s tolerance") : Step.skip("timestamp", "not checked (--tolerance 0); signed " + age + " s ago"));
        }
        return finish(in, steps, event, header, true, null, VALID, null, m.secret(), m.index(), alteration, age);
    }

    private static Report finish(Input in, List<Step> steps, JsonNode event, HeaderRead header, boolean valid,
                                 String cause, String code, String fix, Secret matched, Integer index,
                                 String alteration, Long age) {
        StripeSignature.Header h = header.parsed();
        Long t = h == null ? null : h.timestamp();
        Long shownAge = age != null ? age : t == null ? null : in.nowSeconds() - t;
        return new Report(valid, cause, code, fix, matched, t, shownAge, h == null ? null : h.v1().size(),
            index == null ? null : index + 1, alteration, event, List.copyOf(steps));
    }

    private record Match(Secret secret, int index) {
    }

    private static Match match(StripeSignature.Header h, List<Secret> secrets, byte[] body) {
        Match found = null;
        for (Secret s : secrets) {
            int i = h.matching(s.value(), body);
            if (i >= 0 && found == null) {
                found = new Match(s, i);
            }
        }
        return found;
    }

    // ---- the payload

    private static JsonNode payloadStep(byte[] payload, List<Step> steps) {
        JsonNode json = Json.parseOrNull(text(payload));
        if (payload.length == 0) {
            steps.add(Step.warn("payload", "empty: Stripe always sends a JSON event"));
        } else if (json == null || !json.isObject()) {
            steps.add(Step.warn("payload", payload.length + " bytes, not a JSON object: Stripe sends a JSON event"
                + " (is this the request body?)"));
        } else if (!"event".equals(Json.text(json, "object"))) {
            steps.add(Step.warn("payload", payload.length + " bytes of JSON, but not a Stripe event (no \"object\":"
                + " \"event\"): Stripe delivers whole events"));
        } else {
            String type = Json.text(json, "type");
            String note = type != null && !StripeEvents.isAllowed(type, true) ? "; the ingestion service refuses this"
                + " type (it accepts " + String.join(", ", StripeEvents.allowed(true)) + ")" : "";
            steps.add(Step.pass("payload", payload.length + " bytes: event " + Json.text(json, "id") + " " + type
                + " (livemode " + json.path("livemode").asBoolean() + ")" + note));
            return json;
        }
        return json != null && json.isObject() ? json : null;
    }

    /** The body as text: UTF-16 when it starts with its byte order mark, else UTF-8 without a BOM. */
    static String text(byte[] b) {
        if (b.length >= 2 && (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE || b[0] == (byte) 0xFE && b[1] == (byte) 0xFF)) {
            return new String(b, StandardCharsets.UTF_16);
        }
        String s = new String(b, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    // ---- the header

    /** The header as read: parsed, its step, a fatal problem or one that Stripe's libraries would trip on. */
    private record HeaderRead(StripeSignature.Header parsed, Step step, String fatal, String mangled, String code) {
    }

    static HeaderRead readHeader(String raw) {
        String v = raw == null ? "" : raw.strip();
        List<String> notes = new ArrayList<>();
        if (v.regionMatches(true, 0, StripeSignature.HEADER + ":", 0, StripeSignature.HEADER.length() + 1)) {
            v = v.substring(StripeSignature.HEADER.length() + 1).strip();
        }
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1).strip();
            notes.add("read without its quotes");
        }
        if (v.contains("\n") || v.contains("\r") || v.contains("\t")) {
            v = v.replaceAll("[\\r\\n\\t]+", "");
            notes.add("line breaks removed (a wrapped copy)");
        }
        String mangled = null;
        String code = null;
        if (v.toLowerCase(Locale.ROOT).matches(".*%(?:3d|2c).*")) {
            v = URLDecoder.decode(v, StandardCharsets.UTF_8);
            mangled = "the header is URL-encoded (%3D, %2C)";
            code = "url_encoded";
        }
        if (v.isEmpty()) {
            return fatal(null, "the Stripe-Signature value is empty", "empty");
        }
        if (SVIX.matcher(v).matches()) {
            return fatal(null, "this is a Standard Webhooks / Svix webhook-signature (v1,<base64>), not a"
                + " Stripe-Signature (t=<unix>,v1=<hex>)", "not_stripe");
        }
        if (GITHUB.matcher(v).matches()) {
            return fatal(null, "this is an X-Hub-Signature style value (sha256=<hex>), not a Stripe-Signature"
                + " (t=<unix>,v1=<hex>)", "not_stripe");
        }
        StripeSignature.Header h = StripeSignature.Header.parse(v);
        if (h.rawTimestamp() == null) {
            return fatal(h, "the header has no t= timestamp" + (h.v1().isEmpty() && h.v0().isEmpty()
                ? " and no v1= signature: it is not a Stripe-Signature value" : " (cut at the start?)"), "no_timestamp");
        }
        if (h.timestamp() == null) {
            return fatal(h, "its t= is not a number (\"" + h.rawTimestamp() + "\")", "bad_timestamp");
        }
        if (h.timestamp() > 100_000_000_000L) {
            return fatal(h, "its t= is in milliseconds (" + h.timestamp() + "): Stripe sends Unix seconds, so this"
                + " header was not made by Stripe", "milliseconds");
        }
        if (h.v1().isEmpty()) {
            return fatal(h, h.v0().isEmpty() ? "the header has no v1= signature (cut at the end?)"
                : "the header has only v0= signatures (Stripe's legacy test scheme), which Stripe's libraries ignore:"
                    + " they verify v1 only", "no_v1");
        }
        List<String> bad = h.v1().stream().filter(s -> !HEX64.matcher(s).matches()).toList();
        if (bad.size() == h.v1().size()) {
            String s = bad.get(0);
            return fatal(h, "its v1 is not 64 hex digits (" + s.length() + " characters" + (s.matches("[0-9a-fA-F]*")
                ? ": cut" : ": altered") + ")", "bad_v1");
        }
        if (h.spaced() && mangled == null) {
            mangled = "the header has spaces around its parts (\", v1=\"): Stripe's libraries split on \",\" and \"=\""
                + " without trimming";
            code = "spaces";
        }
        String detail = "t=" + h.timestamp() + ", " + h.v1().size() + " v1 signature" + (h.v1().size() == 1 ? "" : "s")
            + (h.v1().size() > 1 ? " (Stripe signs with each secret of an endpoint whose secret is being rolled)" : "")
            + (h.v0().isEmpty() ? "" : ", " + h.v0().size() + " v0 (ignored)")
            + (bad.isEmpty() ? "" : "; " + bad.size() + " v1 not 64 hex digits (ignored)")
            + (notes.isEmpty() ? "" : "; " + String.join(", ", notes));
        Step step = mangled != null ? Step.fail("header", mangled + "; " + detail) : Step.pass("header", detail);
        return new HeaderRead(h, step, null, mangled, code);
    }

    private static HeaderRead fatal(StripeSignature.Header h, String why, String code) {
        return new HeaderRead(h, Step.fail("header", why), why, null, code);
    }

    private static String headerFix(HeaderRead h) {
        if ("not_stripe".equals(h.code())) {
            return "pass the value of the Stripe-Signature request header (t=...,v1=...); a Stripe receiver verifies"
                + " that header with Stripe's scheme";
        }
        return "pass the Stripe-Signature header exactly as the receiver got it (--header 't=...,v1=...'); if the receiver"
            + " got it like this, something between Stripe and it rewrites headers (a proxy, an API gateway, a logger's"
            + " copy): pass it through untouched";
    }

    // ---- secrets

    private static Step secretsStep(List<Secret> all, List<Secret> usable, List<String> notSecrets,
                                    List<Secret> cleaned) {
        List<String> parts = new ArrayList<>();
        parts.add(all.size() + " candidate" + (all.size() == 1 ? "" : "s") + ": " + String.join(", ",
            all.stream().map(s -> s.source() + " " + Secrets.redact(s.value().strip())).toList()));
        parts.addAll(notSecrets);
        for (Secret c : cleaned) {
            parts.add(c.source() + " has quotes or whitespace, which become part of the HMAC key (tried without them"
                + " too)");
        }
        String detail = String.join("; ", parts);
        if (usable.isEmpty()) {
            return Step.fail("secrets", detail);
        }
        return notSecrets.isEmpty() && cleaned.isEmpty() ? Step.pass("secrets", detail) : Step.warn("secrets", detail);
    }

    private static String clean(String s) {
        String v = s.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v.replaceAll("\\s+", "");
    }

    // ---- body alterations

    static List<Alteration> alterations(byte[] body) {
        String form = reserializedForm(body);
        List<Alteration> list = new ArrayList<>();
        list.add(new Alteration("bom", "a byte order mark was added at the start (an editor or PowerShell saving it)",
            b -> startsWithBom(b) ? Arrays.copyOfRange(b, 3, b.length) : null));
        list.add(new Alteration("utf16", "it was re-encoded as UTF-16 (PowerShell's > does that)",
            b -> text(b).getBytes(StandardCharsets.UTF_8)));
        list.add(new Alteration("crlf", "its line endings were changed from LF to CRLF (Windows tools, git"
            + " autocrlf, an editor)", b -> replace(b, "\r\n", "\n")));
        list.add(new Alteration("trailing_newline", "a newline or spaces were added at the end (an editor, echo,"
            + " a logger)", StripeVerification::stripEnd));
        list.add(new Alteration("crlf_trailing_newline", "its line endings were changed to CRLF and a newline was"
            + " added at the end", b -> stripEnd(replace(b, "\r\n", "\n"))));
        list.add(new Alteration("missing_newline", "its final newline was cut", b -> concat(b, "\n")));
        list.add(new Alteration("latin1", "it was re-encoded from UTF-8 to Latin-1 (a text conversion)",
            b -> new String(b, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8)));
        list.add(new Alteration("double_utf8", "its UTF-8 was read as Latin-1 and encoded again (mojibake such as"
            + " \u00c3\u00a9 for \u00e9)", b -> strictUtf8(b).getBytes(StandardCharsets.ISO_8859_1)));
        list.add(new Alteration("reserialized", "it was parsed and serialized again (" + form + "), as a receiver"
            + " does that verifies JSON.stringify(req.body), json.dumps(request.json) or a re-encoded object instead of"
            + " the raw bytes", StripeVerification::stripeForm));
        list.add(new Alteration("reserialized_newline", "it was parsed and serialized again (" + form + ")",
            b -> concat(stripeForm(b), "\n")));
        return list;
    }

    /** The JSON written as Stripe writes its events: two-space indent, {@code "key": value}, LF. */
    static byte[] stripeForm(byte[] b) {
        JsonNode json = Json.parseOrNull(text(b));
        return json == null || !json.isContainerNode() ? null : Json.pretty(json).getBytes(StandardCharsets.UTF_8);
    }

    /** How a body differs from Stripe's form, in words ("compact JSON"); empty when it looks like Stripe's. */
    static List<String> tells(byte[] b) {
        List<String> tells = new ArrayList<>();
        if (startsWithBom(b)) {
            tells.add("it starts with a byte order mark");
        } else if (b.length >= 2 && (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE || b[0] == (byte) 0xFE
            && b[1] == (byte) 0xFF)) {
            tells.add("it is UTF-16");
        }
        try {
            strictUtf8(b);
        } catch (IllegalArgumentException e) {
            if (tells.isEmpty()) {
                tells.add("it is not valid UTF-8");
            }
        }
        String s = text(b);
        if (s.contains("\r\n")) {
            tells.add("CRLF line endings");
        }
        JsonNode json = Json.parseOrNull(s);
        if (json == null && b.length > 0) {
            tells.add("it is not JSON");
        }
        if (json != null && json.isObject() && json.size() > 1) {
            String form = reserializedForm(b);
            if (!form.equals("indented like Stripe's")) {
                tells.add(form);
            }
        }
        return tells;
    }

    private static String reserializedForm(byte[] b) {
        String s = text(b).strip();
        if (!s.contains("\n")) {
            return s.contains("\": ") || s.contains(", \"") ? "one line with \", \" and \": \" between items, as"
                + " Python's json.dumps writes it" : "compact JSON on one line, as JSON.stringify, to_json,"
                + " json_encode and most serializers write it";
        }
        if (s.contains("\n\t")) {
            return "indented with tabs";
        }
        int indent = s.indexOf('\n') + 1;
        int spaces = 0;
        while (indent + spaces < s.length() && s.charAt(indent + spaces) == ' ') {
            spaces++;
        }
        return spaces == 2 ? "indented like Stripe's" : "indented by " + spaces + " spaces (Stripe indents by 2)";
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    }

    private static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] replace(byte[] b, String from, String to) {
        String s = new String(b, StandardCharsets.ISO_8859_1); // byte for byte
        return s.contains(from) ? s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1) : null;
    }

    private static byte[] stripEnd(byte[] b) {
        if (b == null) {
            return null;
        }
        int end = b.length;
        while (end > 0 && (b[end - 1] == '\n' || b[end - 1] == '\r' || b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        return end == b.length ? null : Arrays.copyOf(b, end);
    }

    private static byte[] concat(byte[] b, String tail) {
        if (b == null) {
            return null;
        }
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(b, b.length + t.length);
        System.arraycopy(t, 0, out, b.length, t.length);
        return out;
    }

    static String duration(long seconds) {
        long s = Math.abs(seconds);
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min (" + s + " s)";
        }
        if (s < 172_800) {
            return s / 3600 + " h (" + s + " s)";
        }
        return s / 86_400 + " days (" + s + " s)";
    }
}
