package dev.notif.stripe;

/** Fixes for the classic receiver mistakes, in the words of the stacks people write receivers in. */
public final class StripeFixes {
    private StripeFixes() {
    }

    /** The receiver verifies a re-serialized body instead of the bytes Stripe sent. */
    public static final String RAW_BODY = "verify the raw request body, byte for byte, before any JSON parser touches it"
        + " (Stripe signs the exact bytes it sends; a parsed and re-serialized body never matches). Express:"
        + " app.post(path, express.raw({type: 'application/json'}), ...) registered before express.json(), and pass"
        + " req.body (a Buffer) to stripe.webhooks.constructEvent; Next.js: await req.text() in a route handler"
        + " (Pages Router: export const config = {api: {bodyParser: false}} and read the stream); Django:"
        + " request.body; Flask: request.get_data(); FastAPI: await request.body(); Rails: request.raw_post; Spring:"
        + " @RequestBody String payload (or byte[]), not a parsed object or Map; Laravel: $request->getContent();"
        + " ASP.NET: read Request.Body to a string; Go: io.ReadAll(r.Body)";

    /** The receiver keys its HMAC with the base64-decoded part after whsec_ (Standard Webhooks, Svix). */
    public static final String WHOLE_SECRET = "use Stripe's own library (stripe.webhooks.constructEvent,"
        + " stripe.Webhook.construct_event, Webhook.constructEvent, Stripe::Webhook.construct_event), or key"
        + " HMAC-SHA256 with the UTF-8 bytes of the whole secret, whsec_ included: Standard Webhooks and Svix"
        + " libraries strip whsec_ and base64-decode the rest, which is not how Stripe signs";

    /** The receiver compares only the first v1 signature of the header. */
    public static final String EVERY_V1 = "accept the delivery when any v1 signature of the Stripe-Signature header"
        + " matches (Stripe's libraries do): while a rolled secret is still valid, Stripe signs with both secrets and"
        + " sends two v1 values, in no promised order";

    /** What to do about a body altered on its way to the verifier (line endings, BOM, a final newline). */
    public static final String EXACT_BYTES = "verify the exact bytes of the request body: if the receiver got them"
        + " like this, something between Stripe and the verifier rewrote them (a proxy, a middleware, a text"
        + " conversion); if only the capture did, capture again without an editor (log the raw body as base64, or"
        + " save it with curl --data-binary / a binary-safe tool)";
}
