package dev.notif.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.model.WebhookEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.net.ApiRequestParams;
import com.stripe.net.ApiResource;
import com.stripe.net.RawRequestOptions;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeResponse;
import com.stripe.param.EventListParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointListParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import dev.notif.core.ExitCode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Stripe account behind an API key, through stripe-java's {@link StripeClient} on notif's HTTP client
 * (timeouts and retries of {@code core.Http}). Every Stripe failure becomes a {@link NotifException} with the exit
 * code of the contract: key rejected or lacking permission 3, Stripe unreachable or failing after retries 4 (with
 * the request id when Stripe gave one), a request Stripe refuses as invalid 2.
 */
public final class StripeAccount {
    public static final String DEFAULT_API_BASE = "https://api.stripe.com";
    /** Stripe's documented limit of webhook endpoints per account (per mode). */
    public static final int MAX_ENDPOINTS = 16;
    static final int PAGE = 100;
    static final int MAX_PAGES = 100;
    private static final Pattern PERMISSION = Pattern.compile("'(rak_[a-z_]+)'");

    private final StripeClient client;
    private final StripeKey key;
    private final String apiBase;
    /** The run's reads of this account, shared with the other stores that use it; null: every read asks Stripe. */
    private final StripeReads.Account shared;

    public StripeAccount(StripeKey key, String apiBase, OkHttpClient http) {
        this(key, apiBase, http, null);
    }

    /** {@code shared}: reads answered once for every store of the run that uses the account (null: none). */
    public StripeAccount(StripeKey key, String apiBase, OkHttpClient http, StripeReads.Account shared) {
        this.key = key;
        this.apiBase = apiBase;
        this.shared = shared;
        this.client = StripeClient.builder()
            .setApiKey(key.value())
            .setApiBase(apiBase)
            .setMaxNetworkRetries(0) // core.Http retries, with notif's backoff
            .setHttpClient(new StripeHttp(http))
            .build();
    }

    public StripeKey key() {
        return key;
    }

    public String apiBase() {
        return apiBase;
    }

    /** Who the key belongs to, when the key may read it. */
    public record Identity(String id, String name) {
    }

    /**
     * The account's id and display name; null when the key may not read the account or the API does not serve it
     * (the id then falls back to the key's fingerprint where one is needed). A rejected key still fails (exit 3).
     */
    public Identity identity() {
        try {
            return shared(Read.ACCOUNT, this::readIdentity).orElse(null);
        } catch (Unanswered e) {
            return null;
        }
    }

    /** Empty when the key may not read the account; {@link Unanswered} when Stripe failed (not kept by a run). */
    private Optional<Identity> readIdentity() {
        try {
            Account a = client.v1().accounts().retrieveCurrent();
            String name = a.getBusinessProfile() != null ? a.getBusinessProfile().getName() : null;
            if (name == null && a.getSettings() != null && a.getSettings().getDashboard() != null) {
                name = a.getSettings().getDashboard().getDisplayName();
            }
            return a.getId() == null ? Optional.empty() : Optional.of(new Identity(a.getId(), name));
        } catch (AuthenticationException e) {
            if (e instanceof PermissionException) {
                return Optional.empty();
            }
            throw translate(e, "read the account");
        } catch (StripeException e) {
            throw new Unanswered();
        }
    }

    /** The account could not be read, which {@link #identity()} tells as "unknown". */
    private static final class Unanswered extends RuntimeException {
        Unanswered() {
            super(null, null, false, false);
        }
    }

    /** What a run shares of an account: each read by its kind and parameters. */
    private enum Read { ACCOUNT, ENDPOINTS, DESTINATIONS }

    private record ListRead(String path, String query, int max) {
    }

    private record EventsRead(List<String> types, Boolean deliverySuccess, int max, Long since) {
    }

    private <T> T shared(Object what, Supplier<T> read) {
        return shared == null ? read.get() : shared.read(what, read);
    }

    /** A write: reads shared by the run ask Stripe again after it (whether it succeeded or not). */
    private void written() {
        if (shared != null) {
            shared.written();
        }
    }

    /** Every webhook endpoint of the account, following {@code has_more}/{@code starting_after} to the last page. */
    public List<StripeEndpoint> endpoints() {
        return listedEndpoints().all();
    }

    /** The endpoints as one read of them (the run's, when it shares its reads), to ask by URL. */
    Listed<StripeEndpoint> listedEndpoints() {
        return shared(Read.ENDPOINTS, () -> new Listed<>(readEndpoints(), StripeEndpoint::url));
    }

    private List<StripeEndpoint> readEndpoints() {
        List<StripeEndpoint> all = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            WebhookEndpointListParams.Builder params = WebhookEndpointListParams.builder().setLimit((long) PAGE);
            if (after != null) {
                params.setStartingAfter(after);
            }
            StripeCollection<WebhookEndpoint> list;
            try {
                list = client.v1().webhookEndpoints().list(params.build());
            } catch (StripeException e) {
                throw translate(e, "list webhook endpoints");
            }
            List<WebhookEndpoint> data = list.getData() == null ? List.of() : list.getData();
            data.forEach(e -> all.add(StripeEndpoint.of(e)));
            if (!Boolean.TRUE.equals(list.getHasMore()) || data.isEmpty()) {
                return List.copyOf(all);
            }
            String last = data.get(data.size() - 1).getId();
            if (last == null || last.equals(after)) {
                return List.copyOf(all);
            }
            after = last;
        }
        throw NotifException.unavailable("Stripe kept answering has_more=true after " + MAX_PAGES * PAGE
            + " webhook endpoints", "the account holds more endpoints than notif reads; clean them up in the Dashboard", null);
    }

    /** A new endpoint and the signing secret Stripe returns only at creation (or in a replay of it). */
    public record Created(StripeEndpoint endpoint, String secret) {
    }

    /** {@code apiVersion} null: the endpoint renders events in the account's default version. */
    public Created create(String url, List<String> events, String description, String apiVersion,
                          String idempotencyKey) {
        WebhookEndpointCreateParams.Builder params = WebhookEndpointCreateParams.builder().setUrl(url);
        if (description != null) {
            params.setDescription(description);
        }
        if (apiVersion != null) {
            params.putExtraParam("api_version", apiVersion); // also versions newer than stripe-java's list
        }
        for (String event : events) {
            params.addEnabledEvent(enumOf(WebhookEndpointCreateParams.EnabledEvent.values(), event));
        }
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        try {
            WebhookEndpoint e = client.v1().webhookEndpoints().create(params.build(), options);
            return new Created(StripeEndpoint.of(e), e.getSecret());
        } catch (StripeException e) {
            NotifException n = translate(e, "create webhook endpoints");
            if (e instanceof IdempotencyException || Integer.valueOf(409).equals(e.getStatusCode())) {
                throw new KeyConflict(n);
            }
            throw n;
        } finally {
            written();
        }
    }

    /**
     * Stripe refused the idempotency key: another request holds it (409) or used it with other parameters (400), as
     * a concurrent run given another spelling of the same URL does.
     */
    public static final class KeyConflict extends NotifException {
        KeyConflict(NotifException n) {
            super(n.exitCode(), n.getMessage(), n.hint(), n.getCause());
        }
    }

    /** Sets the endpoint's events to exactly {@code events} and, with {@code enable}, re-enables it. */
    public StripeEndpoint update(String id, List<String> events, boolean enable, String idempotencyKey) {
        WebhookEndpointUpdateParams.Builder params = WebhookEndpointUpdateParams.builder();
        for (String event : events) {
            params.addEnabledEvent(enumOf(WebhookEndpointUpdateParams.EnabledEvent.values(), event));
        }
        if (enable) {
            params.setDisabled(false);
        }
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        try {
            return StripeEndpoint.of(client.v1().webhookEndpoints().update(id, params.build(), options));
        } catch (StripeException e) {
            throw translate(e, "update webhook endpoints");
        } finally {
            written();
        }
    }

    /** Deletes the endpoint; false when it was already gone (a retried delete whose first answer was lost). */
    public boolean delete(String id) {
        try {
            client.v1().webhookEndpoints().delete(id);
            return true;
        } catch (StripeException e) {
            if (missing(e)) {
                return false;
            }
            throw translate(e, "delete webhook endpoints");
        } finally {
            written();
        }
    }

    /** The endpoint, or null when it does not exist (any more). */
    public StripeEndpoint find(String id) {
        try {
            WebhookEndpoint e = client.v1().webhookEndpoints().retrieve(id);
            return Boolean.TRUE.equals(e.getDeleted()) ? null : StripeEndpoint.of(e);
        } catch (StripeException e) {
            if (missing(e)) {
                return null;
            }
            throw translate(e, "read webhook endpoints");
        }
    }

    /** An event as the Events API lists it: {@code pending_webhooks} counts endpoints not yet delivered to. */
    public record EventSummary(String id, String type, long created, long pendingWebhooks) {
    }

    /**
     * Events of these types created at or after {@code since} (epoch seconds), newest first, at most {@code max};
     * {@code deliverySuccess} filters on whether every endpoint got them (null: no filter).
     */
    public List<EventSummary> events(List<String> types, long since, Boolean deliverySuccess, int max) {
        if (shared == null) {
            return readEvents(types, since, deliverySuccess, max);
        }
        // the stores of a run ask from moments apart: the first read answers every later window it holds whole
        EventsRead what = new EventsRead(List.copyOf(types), deliverySuccess, max, null);
        List<EventSummary> known = shared(what, () -> new Events(since, max, readEvents(types, since, deliverySuccess,
            max))).from(since);
        return known != null ? known : shared(new EventsRead(what.types(), deliverySuccess, max, since),
            () -> readEvents(types, since, deliverySuccess, max));
    }

    /**
     * Events read from {@code since}, newest first, at most {@code max}: the events of a later window are those
     * created in it, unless the read was cut at {@code max} before reaching the window's start.
     */
    private record Events(long since, int max, List<EventSummary> read) {
        /** The events a read from {@code from} would list, or null when this read cannot tell them. */
        List<EventSummary> from(long from) {
            if (from < since) {
                return null;
            }
            List<EventSummary> kept = read.stream().filter(e -> e.created() == 0 || e.created() >= from).toList();
            return read.size() < max || kept.size() == read.size() ? kept : null;
        }
    }

    private List<EventSummary> readEvents(List<String> types, long since, Boolean deliverySuccess, int max) {
        List<EventSummary> all = new ArrayList<>();
        String after = null;
        while (all.size() < max) {
            EventListParams.Builder params = EventListParams.builder()
                .addAllType(types)
                .setCreated(EventListParams.Created.builder().setGte(since).build())
                .setLimit((long) Math.min(PAGE, max - all.size()));
            if (deliverySuccess != null) {
                params.setDeliverySuccess(deliverySuccess);
            }
            if (after != null) {
                params.setStartingAfter(after);
            }
            StripeCollection<Event> list;
            try {
                list = client.v1().events().list(params.build());
            } catch (StripeException e) {
                throw translate(e, "list events");
            }
            List<Event> data = list.getData() == null ? List.of() : list.getData();
            for (Event e : data) {
                if (!types.contains(e.getType()) || e.getCreated() != null && e.getCreated() < since) {
                    continue; // a server that ignored the filters: keep only what was asked for
                }
                all.add(new EventSummary(e.getId(), e.getType(), e.getCreated() == null ? 0 : e.getCreated(),
                    e.getPendingWebhooks() == null ? 0 : e.getPendingWebhooks()));
            }
            if (!Boolean.TRUE.equals(list.getHasMore()) || data.isEmpty() || data.get(data.size() - 1).getId().equals(after)) {
                break;
            }
            after = data.get(data.size() - 1).getId();
        }
        return List.copyOf(all.size() > max ? all.subList(0, max) : all);
    }

    /**
     * Has Stripe deliver the event again to this endpoint, as the Stripe CLI's {@code stripe events resend
     * --webhook-endpoint} does: {@code POST /v1/events/{id}/retry}. Stripe queues the delivery; its answer is not
     * the endpoint's.
     */
    public void retry(String eventId, String endpointId, String idempotencyKey) {
        try {
            raw(ApiResource.RequestMethod.POST, "/v1/events/" + encode(eventId) + "/retry",
                "webhook_endpoint=" + encode(endpointId), idempotencyKey, "resend events");
        } finally {
            written();
        }
    }

    /** The API version of the newest event of the account (the account's default when it was created), or null. */
    public String newestEventApiVersion() {
        List<JsonNode> newest = list("/v1/events", "", 1, "list events");
        return newest.isEmpty() ? null : Json.text(newest.get(0), "api_version");
    }

    /**
     * Every v2 event destination of the account ({@code GET /v2/core/event_destinations}, pages followed by
     * {@code next_page_url}), with {@code webhook_endpoint.url} included. Fields notif does not know are ignored.
     */
    public List<StripeDestination> eventDestinations() {
        return listedDestinations().all();
    }

    /** The event destinations as one read of them, to ask by URL (a webhook destination's). */
    Listed<StripeDestination> listedDestinations() {
        return shared(Read.DESTINATIONS, () -> new Listed<>(readEventDestinations(), d -> d.webhook() ? d.url() : null));
    }

    private List<StripeDestination> readEventDestinations() {
        List<StripeDestination> all = new ArrayList<>();
        String next = "/v2/core/event_destinations?limit=" + PAGE + "&include=webhook_endpoint.url";
        for (int page = 0; page < MAX_PAGES && next != null; page++) {
            JsonNode body = Json.parse(raw(ApiResource.RequestMethod.GET, next, null, null,
                "list event destinations").body());
            for (JsonNode d : body.path("data")) {
                all.add(StripeDestination.of(d));
            }
            String url = Json.text(body, "next_page_url");
            next = url == null || url.isEmpty() || url.equals(next) || body.path("data").isEmpty() ? null
                : url.startsWith("http") ? url.substring(url.indexOf('/', url.indexOf("//") + 2)) : url;
        }
        return List.copyOf(all);
    }

    /**
     * Objects of a v1 list ({@code /v1/checkout/sessions}, {@code /v1/subscriptions}, ...), newest first, at most
     * {@code max}, as JSON (fields notif does not read are kept and ignored). {@code query}: extra parameters.
     */
    public List<JsonNode> list(String path, String query, int max, String action) {
        return shared(new ListRead(path, query, max), () -> readList(path, query, max, action));
    }

    private List<JsonNode> readList(String path, String query, int max, String action) {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES && all.size() < max; page++) {
            String q = "limit=" + Math.min(PAGE, max - all.size()) + (query.isEmpty() ? "" : "&" + query)
                + (after == null ? "" : "&starting_after=" + encode(after));
            JsonNode body = Json.parse(raw(ApiResource.RequestMethod.GET, path + "?" + q, null, null, action).body());
            JsonNode data = body.path("data");
            data.forEach(all::add);
            String last = data.isEmpty() ? null : Json.text(data.get(data.size() - 1), "id");
            if (!body.path("has_more").asBoolean(false) || last == null || last.equals(after)) {
                break;
            }
            after = last;
        }
        return List.copyOf(all.size() > max ? all.subList(0, max) : all);
    }

    private StripeResponse raw(ApiResource.RequestMethod method, String path, String content, String idempotencyKey,
                               String action) {
        RawRequestOptions.RawRequestOptionsBuilder options = RawRequestOptions.builder();
        if (idempotencyKey != null) {
            options.setIdempotencyKey(idempotencyKey);
        }
        try {
            return client.rawRequest(method, path, content, options.build());
        } catch (StripeException e) {
            throw translate(e, action);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** "No such webhook endpoint" (resource_missing), as opposed to an API that does not serve the path at all. */
    private static boolean missing(StripeException e) {
        return "resource_missing".equals(e.getCode()) || Integer.valueOf(404).equals(e.getStatusCode())
            && !stripeMessage(e).startsWith("Unrecognized request URL");
    }

    /** Deterministic idempotency key: same inputs, same key, so a retried or repeated request acts once. */
    public static String idempotencyKey(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "notif-" + HexFormat.of().formatHex(sha.digest(), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <E extends Enum<E> & ApiRequestParams.EnumParam> E enumOf(E[] values, String event) {
        for (E v : values) {
            if (event.equals(v.getValue())) {
                return v;
            }
        }
        throw NotifException.usage("unknown Stripe event type " + event, "use an event type Stripe knows");
    }

    /** The exit code and words for a Stripe failure while trying to {@code action}. */
    NotifException translate(StripeException e, String action) {
        String request = e.getRequestId() == null ? "" : " (request " + e.getRequestId() + ")";
        String message = Secrets.scrub(stripeMessage(e));
        if (e instanceof PermissionException) {
            Matcher m = PERMISSION.matcher(message);
            String permission = m.find() ? m.group(1) : null;
            return new NotifException(ExitCode.CREDENTIALS, "the " + (key.restricted() ? "restricted " : "") + "key "
                + key.redacted() + " may not " + action + (permission == null ? "" : " (it lacks " + permission + ")")
                + request,
                key.restricted() ? "in " + StripeKey.WHERE + ", edit the restricted key to allow Webhook Endpoints: Write"
                    + " (setup) or Read (check) and Events: Read, or set " + StripeKey.ENV + " to a secret key"
                    : "use a key of an account that may manage webhook endpoints (" + StripeKey.WHERE + ")");
        }
        if (e instanceof AuthenticationException) {
            return new NotifException(ExitCode.CREDENTIALS, "Stripe rejected the API key " + key.redacted() + ": "
                + message + request, "set " + StripeKey.ENV + " (or --api-key) to a valid " + key.mode()
                + "-mode secret key from " + StripeKey.WHERE);
        }
        int attempts = StripeHttp.attempts(e);
        if (e instanceof ApiConnectionException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return NotifException.unavailable("Stripe API at " + apiBase + " could not be reached" + after(attempts)
                + ": " + Secrets.scrub(String.valueOf(cause.getMessage())), (cause instanceof UnknownHostException
                    // not retried: DNS answers do not change in a second
                    ? "check that " + host(apiBase) + " resolves (the name, DNS and proxy settings)"
                    : "check the network and proxy settings and https://status.stripe.com")
                + ", then rerun: notif never creates a second endpoint", e);
        }
        if (e instanceof RateLimitException) {
            return NotifException.unavailable((attempts > 1 ? "Stripe kept rate-limiting the requests (429)"
                : "Stripe rate-limited the request (429)") + after(attempts) + request,
                "wait a minute and rerun; other jobs may be using this account's rate limit", e);
        }
        if (e instanceof IdempotencyException || Integer.valueOf(409).equals(e.getStatusCode())) {
            return NotifException.unavailable("Stripe refused to " + action + ": " + message + request,
                "another notif run may be creating the same endpoint right now; wait for it and rerun", e);
        }
        Integer status = e.getStatusCode();
        if (status == null || status >= 500) {
            return NotifException.unavailable("Stripe failed to " + action + after(attempts)
                + (status == null ? "" : " (HTTP " + status + ")") + request + ": " + message,
                "check https://status.stripe.com and rerun later; rerunning is safe", e);
        }
        if (status == 404 && message.startsWith("Unrecognized request URL")) {
            return NotifException.usage("the API at " + apiBase + " does not serve this Stripe request: " + message,
                "check --api-base (default " + DEFAULT_API_BASE + ")");
        }
        String param = e.getStripeError() == null ? null : e.getStripeError().getParam();
        return NotifException.usage("Stripe refused to " + action + (param == null ? "" : " (parameter " + param + ")")
            + ": " + message + request, "url".equals(param) ? "check --url: Stripe must be able to deliver to it"
            : "check the values passed; if they are right, report it with the request id");
    }

    /** " after 3 attempts", " after 1 attempt"; nothing when the count is not known (0), rather than a guess. */
    private static String after(int attempts) {
        return attempts <= 0 ? "" : " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
    }

    private static String host(String base) {
        HttpUrl url = HttpUrl.parse(base);
        return url == null ? base : url.host();
    }

    private static String stripeMessage(StripeException e) {
        if (e.getStripeError() != null && e.getStripeError().getMessage() != null) {
            return e.getStripeError().getMessage();
        }
        String m = e.getMessage();
        int cut = m == null ? -1 : m.indexOf("; request-id");
        return m == null ? e.getClass().getSimpleName() : cut > 0 ? m.substring(0, cut) : m;
    }
}
