"""Loopback stand-ins of the providers and of the backends behind them, written from the providers' API references
(request and answer shapes as documented, the fixtures under src/test/resources/fixtures), not from notif's code
or its Java test fakes. Python standard library only; every server is http.server's (HTTP/1.0: one answer per
connection, closed after it, no Connection header), as quick stand-ins are written.

Usage: python3 providers.py SCENARIO.json; prints one line "PORTS {json}" once every server listens on 127.0.0.1:
  stripe       the Stripe API (accounts by secret key; Bearer auth as stripe-java sends it)
  apple_prod   the App Store Server API, production        apple_sandbox   the same, sandbox
  google       OAuth 2.0 token endpoint, Pub/Sub v1, Cloud Monitoring v3, Resource Manager v1
  backend      the customers' ingestion endpoints: Stripe webhook receivers that verify signatures, Amazon SNS
               subscribers that fetch the SubscribeURL, plain-status routes
  receiver     the /status document of a notif listen receiver (docs/receiver.md), for max_silence
In the scenario, the string "{backend}" stands for the backend's base URL. Every request is logged to
SCENARIO.json.log ("server STATUS METHOD path"), so a test can tell what was asked.
"""
import base64
import hashlib
import hmac
import json
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SCENARIO_FILE = sys.argv[1]
LOG = open(SCENARIO_FILE + ".log", "a", buffering=1)
LOG_LOCK = threading.Lock()
NOW = time.time()


def b64url_json(segment):
    padded = segment + "=" * (-len(segment) % 4)
    return json.loads(base64.urlsafe_b64decode(padded.encode()))


def jwt_claims(token):
    """Header and claims of a compact JWS, or None. (The signature is not verified: no crypto in the stdlib.)"""
    try:
        head, body, sig = token.split(".")
        return b64url_json(head), b64url_json(body)
    except (ValueError, json.JSONDecodeError):
        return None


class Base(BaseHTTPRequestHandler):
    server_name = "?"

    def log_message(self, *args):
        pass

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def answer(self, status, doc=None, content_type="application/json", raw=None, headers=()):
        data = raw if raw is not None else (json.dumps(doc).encode() if doc is not None else b"")
        with LOG_LOCK:
            LOG.write("%s %d %s %s\n" % (self.server_name, status, self.command, self.logged))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        url = urllib.parse.urlsplit(self.path)
        self.logged = url.path
        self.route(self.command, url.path, urllib.parse.parse_qs(url.query))

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any


# ---------------------------------------------------------------- Stripe API (https://docs.stripe.com/api)

class Stripe(Base):
    server_name = "stripe"
    calls = {}

    def error(self, status, type_, message, code=None):
        err = {"type": type_, "message": message}
        if code:
            err["code"] = code
        self.answer(status, {"error": err})

    def route(self, method, path, query):
        auth = self.headers.get("Authorization", "")
        key = auth[len("Bearer "):] if auth.startswith("Bearer ") else None
        if key is None and auth.startswith("Basic "):
            key = base64.b64decode(auth[6:]).decode().split(":")[0]
        account = SCENARIO["stripe"].get(key or "")
        if account is None:
            # Stripe names the key it refused; this stand-in quotes it whole, as a careless proxy would
            return self.error(401, "invalid_request_error", "Invalid API Key provided: %s" % key)
        n = Stripe.calls[key] = Stripe.calls.get(key, 0) + 1
        if n <= account.get("rate_limited_first", 0):
            return self.error(429, "invalid_request_error", "Too many requests hit the API too quickly.",
                              "rate_limit")
        if method == "GET" and path == "/v1/account":
            return self.answer(200, {"id": account["id"], "object": "account", "charges_enabled": True,
                                     "details_submitted": True, "country": "US", "type": "standard",
                                     "settings": {"dashboard": {"display_name": account["id"]}}})
        if method == "GET" and path == "/v1/webhook_endpoints":
            data = [self.endpoint(account, i, e) for i, e in enumerate(account["endpoints"])]
            return self.answer(200, {"object": "list", "data": data, "has_more": False,
                                     "url": "/v1/webhook_endpoints"})
        if method == "GET" and path == "/v2/core/event_destinations":
            return self.answer(200, {"data": [], "next_page_url": None, "previous_page_url": None})
        if method == "GET" and path == "/v1/events":
            # list parameters as documented: created[gte], types[], delivery_success ("false": events that some
            # endpoint has not acknowledged, still being retried or given up on), limit, starting_after
            gte = int(query.get("created[gte]", ["0"])[0])
            types = query.get("types[]", []) + query.get("type", [])
            success = query.get("delivery_success", [None])[0]
            events = []
            for i, e in enumerate(account["events"]):
                created = int(NOW - e["age_seconds"])
                delivered = e.get("delivered", True)
                if success is not None and (success == "true") != delivered:
                    continue
                if created >= gte and (not types or e["type"] in types):
                    events.append({"id": "evt_%s_%d" % (account["id"], i), "object": "event",
                                   "api_version": "2024-06-20", "created": created, "livemode": False,
                                   "pending_webhooks": e.get("pending_webhooks", 0), "type": e["type"],
                                   "request": {"id": None, "idempotency_key": None},
                                   "data": {"object": {"id": "sub_%d" % i, "object": "subscription"}}})
            events.sort(key=lambda ev: -ev["created"])
            return self.answer(200, {"object": "list", "data": events, "has_more": False, "url": "/v1/events"})
        return self.error(404, "invalid_request_error", "Unrecognized request URL (%s: %s)." % (method, path))

    @staticmethod
    def endpoint(account, i, e):
        return {"id": "we_%s_%d" % (account["id"], i), "object": "webhook_endpoint", "api_version": None,
                "application": None, "created": int(NOW - 86400 * 60), "description": None,
                "enabled_events": e["enabled_events"], "livemode": False, "metadata": {},
                "status": e.get("status", "enabled"), "url": e["url"].replace("{backend}", BACKEND)}


# ------------------------------------------- App Store Server API (developer.apple.com/documentation/appstoreserverapi)

def apple_handler(environment):
    class Apple(Base):
        server_name = "apple_" + environment
        tokens = set()

        def error(self, status, code, message):
            self.answer(status, {"errorCode": code, "errorMessage": message})

        def route(self, method, path, query):
            auth = self.headers.get("Authorization", "")
            parsed = jwt_claims(auth[7:]) if auth.startswith("Bearer ") else None
            if parsed is None:
                return self.answer(401, raw=b"Unauthenticated\n", content_type="text/plain")
            head, claims = parsed
            keys = SCENARIO["apple"]["key"]
            env = SCENARIO["apple"][environment].get(claims.get("bid"))
            if (env is None or head.get("alg") != "ES256" or head.get("kid") != keys["key_id"]
                    or claims.get("iss") != keys["issuer"] or claims.get("aud") != "appstoreconnect-v1"
                    or not claims.get("exp") or claims["exp"] < NOW):
                return self.answer(401, raw=b"Unauthenticated\n", content_type="text/plain")
            if method == "POST" and path == "/inApps/v1/notifications/test":
                if not env.get("url_configured", True):
                    return self.error(404, 4040007, "An error that indicates that the App Store server couldn't find"
                                                    " a notifications URL for your app in this environment.")
                token = "ce3af791-365e-4c60-841b-%012d" % len(Apple.tokens)
                Apple.tokens.add(token)
                return self.answer(200, {"testNotificationToken": token})
            if method == "GET" and path.startswith("/inApps/v1/notifications/test/"):
                token = path.rsplit("/", 1)[1]
                if token not in Apple.tokens:
                    return self.error(404, 4040008, "An error that indicates that the test notification token is"
                                                    " expired or the test notification status isn't available.")
                attempts = [{"attemptDate": int(NOW * 1000) - 1000, "sendAttemptResult": r}
                            for r in env.get("test_attempts", ["SUCCESS"])]
                return self.answer(200, {"signedPayload": signed("TEST", None), "sendAttempts": attempts})
            if method == "POST" and path == "/inApps/v1/notifications/history":
                req = json.loads(self.body() or b"{}")
                if "startDate" not in req or "endDate" not in req:
                    return self.error(400, 4000030, "Invalid request: startDate and endDate are required.")
                items = []
                for h in env.get("history", []):
                    at = int((NOW - h["age_seconds"]) * 1000)
                    if req["startDate"] <= at <= req["endDate"]:
                        items.append({"sendAttempts": [{"attemptDate": at, "sendAttemptResult": h["result"]}],
                                      "signedPayload": signed(h["type"], at)})
                return self.answer(200, {"hasMore": False, "notificationHistory": items})
            return self.error(404, 4040000, "Not found.")
    return Apple


def signed(notification_type, signed_date):
    """A JWS-shaped signedPayload (notif reads the type from it; the signature is a placeholder)."""
    def seg(d):
        return base64.urlsafe_b64encode(json.dumps(d).encode()).decode().rstrip("=")
    payload = {"notificationType": notification_type, "notificationUUID": "%032x" % (signed_date or 0),
               "version": "2.0", "signedDate": signed_date or int(NOW * 1000),
               "data": {"bundleId": "com.example", "environment": "Production"}}
    return seg({"alg": "ES256", "x5c": []}) + "." + seg(payload) + ".c2lnbmF0dXJl"


# ------------------------------------------------ Google: OAuth 2.0, Pub/Sub v1, Cloud Monitoring v3, Resource Manager

class Google(Base):
    server_name = "google"
    token = "ya29.standin-access-token-0123456789abcdefghijklmnopqrstuvwxyz"

    def error(self, code, status, message):
        self.answer(code, {"error": {"code": code, "message": message, "status": status}})

    def route(self, method, path, query):
        g = SCENARIO["google"]
        if path == "/token":
            form = urllib.parse.parse_qs(self.body().decode())
            parsed = jwt_claims(form.get("assertion", [""])[0])
            if (form.get("grant_type") != ["urn:ietf:params:oauth:grant-type:jwt-bearer"] or parsed is None
                    or parsed[1].get("iss") != g["client_email"]):
                return self.answer(400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."})
            return self.answer(200, {"access_token": Google.token, "expires_in": 3599, "token_type": "Bearer"})
        if self.headers.get("Authorization") != "Bearer " + Google.token:
            return self.error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.")
        if path.startswith("/v3/projects/") and path.endswith("/timeSeries"):
            return self.time_series(g, query)
        name = urllib.parse.unquote(path[len("/v1/"):]) if path.startswith("/v1/") else ""
        if method == "POST" and name.endswith(":getIamPolicy") and "/topics/" not in name:
            return self.answer(200, {"version": 1, "etag": "BwX=", "bindings": []})
        if method == "GET" and name.endswith(":getIamPolicy"):
            topic = g["topics"].get(name[:-len(":getIamPolicy")])
            if topic is None:
                return self.error(404, "NOT_FOUND", "Resource not found (resource=%s)." % name)
            return self.answer(200, {"version": 1, "etag": "BwYv5bcX4mE=", "bindings": [
                {"role": "roles/pubsub.publisher", "members": topic["publishers"]}]})
        if method == "GET" and name.endswith("/subscriptions") and "/topics/" in name:
            topic = name[:-len("/subscriptions")]
            subs = [s for s, v in g["subscriptions"].items() if v["topic"] == topic]
            return self.answer(200, {"subscriptions": subs})
        if method == "GET" and name in g["topics"]:
            return self.answer(200, {"name": name, "messageStoragePolicy": {"allowedPersistenceRegions": []}})
        if method == "GET" and name in g["subscriptions"]:
            s = g["subscriptions"][name]
            return self.answer(200, {"name": name, "topic": s["topic"],
                                     "pushConfig": {"pushEndpoint": s["push"].replace("{backend}", BACKEND)},
                                     "ackDeadlineSeconds": 60, "messageRetentionDuration": s["retention"],
                                     "expirationPolicy": {}, "state": "ACTIVE"})
        return self.error(404, "NOT_FOUND", "Resource not found (resource=%s)." % name)

    def time_series(self, g, query):
        filt = query.get("filter", [""])[0]
        series = []
        for sub_name, s in g["subscriptions"].items():
            sub_id = sub_name.rsplit("/", 1)[1]
            if ('"%s"' % sub_id) not in filt:
                continue
            resource = {"type": "pubsub_subscription", "labels": {"subscription_id": sub_id,
                                                                  "project_id": sub_name.split("/")[1]}}
            if "push_request_count" in filt:
                for p in s.get("pushes", []):
                    end = NOW - p["age_seconds"]
                    series.append({"metric": {"type": "pubsub.googleapis.com/subscription/push_request_count",
                                              "labels": {"response_class": p["class"], "response_code": p["code"]}},
                                   "resource": resource, "metricKind": "DELTA", "valueType": "INT64",
                                   "points": [{"interval": {"startTime": rfc3339(end - 3600), "endTime": rfc3339(end)},
                                               "value": {"int64Value": str(p["count"])}}]})
            for metric, field in (("oldest_unacked_message_age", "oldest_unacked_seconds"),
                                  ("num_undelivered_messages", "undelivered")):
                if metric in filt and field in s:
                    series.append({"metric": {"type": "pubsub.googleapis.com/subscription/" + metric},
                                   "resource": resource, "metricKind": "GAUGE", "valueType": "INT64",
                                   "points": [{"interval": {"startTime": rfc3339(NOW - 60), "endTime": rfc3339(NOW - 60)},
                                               "value": {"int64Value": str(s[field])}}]})
        self.answer(200, {"timeSeries": series, "unit": ""} if series else {"unit": ""})


def rfc3339(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


# ------------------------------------------------------------------------------ the customers' ingestion endpoints

class Backend(Base):
    server_name = "backend"

    def route(self, method, path, query):
        r = SCENARIO["backend"].get(path)
        if r is None:
            return self.answer(404, raw=b"Not Found", content_type="text/plain")
        body = self.body()
        kind = r["kind"]
        if kind == "status":
            return self.answer(r["status"], raw=r.get("body", "").encode(), content_type="text/html")
        if kind == "stripe":
            return self.stripe(r, body)
        if kind == "sns":
            return self.sns(r, body)
        return self.answer(500, raw=b"bad scenario", content_type="text/plain")

    def stripe(self, r, body):
        """As stripe-python's Webhook.construct_event, then the backend's own event filter."""
        header = self.headers.get("Stripe-Signature", "")
        pairs = [p.split("=", 1) for p in header.split(",") if "=" in p]
        ts = [v for k, v in pairs if k == "t"]
        sigs = [v for k, v in pairs if k == "v1"]
        if not ts or not sigs:
            return self.answer(400, {"error": "Unable to extract timestamp and signatures from header"})
        expected = hmac.new(r["secret"].encode(), ts[0].encode() + b"." + body, hashlib.sha256).hexdigest()
        if not any(hmac.compare_digest(expected, s) for s in sigs):
            return self.answer(400, {"error": "No signatures found matching the expected signature for payload"})
        if abs(time.time() - int(ts[0])) > 300:
            return self.answer(400, {"error": "Timestamp outside the tolerance zone"})
        event = json.loads(body)
        if event.get("type") not in r["accepts"]:
            return self.answer(400, {"error": "unsupported event type " + str(event.get("type"))})
        return self.answer(200, {"received": True})

    def sns(self, r, body):
        """An SNS HTTP subscriber: confirms the subscription by fetching SubscribeURL, then takes Notifications."""
        try:
            message = json.loads(body)
        except ValueError:
            return self.answer(400, {"error": "not JSON"})
        if r.get("answer"):
            return self.answer(r["answer"], raw=b"Forbidden", content_type="text/plain")
        if self.headers.get("x-amz-sns-message-type") != message.get("Type"):
            return self.answer(400, {"error": "message type header mismatch"})
        if message.get("Type") == "SubscriptionConfirmation":
            try:
                urllib.request.urlopen(message["SubscribeURL"], timeout=5).read()
            except Exception as e:  # noqa: BLE001 - a subscriber that cannot confirm says so
                return self.answer(500, {"error": "could not confirm: %s" % e})
            return self.answer(200, raw=b"", content_type="text/plain")
        if message.get("Type") == "Notification":
            return self.answer(200, raw=b"", content_type="text/plain")
        return self.answer(400, {"error": "unknown Type"})


# ---------------------------------------------------------------------------- a notif listen receiver's /status

class Receiver(Base):
    server_name = "receiver"

    def route(self, method, path, query):
        if path != "/status":
            return self.answer(404, {"error": {"code": "NOT_FOUND", "message": "no such route"}})
        stores = {}
        for store, s in SCENARIO["receiver"].items():
            stores[store] = {"accepted": s["accepted"], "rejected": 0,
                             "last_received_at": rfc3339(NOW - s["age_seconds"]), "last_type": s["type"],
                             "last_id": s.get("id")}
        self.answer(200, {"ok": True, "started_at": rfc3339(NOW - 86400 * 10), "stores": stores})


def serve(handler):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


SCENARIO = json.load(open(SCENARIO_FILE))
backend_port = serve(Backend)
BACKEND = "http://127.0.0.1:%d" % backend_port
ports = {"backend": backend_port, "stripe": serve(Stripe), "apple_prod": serve(apple_handler("production")),
         "apple_sandbox": serve(apple_handler("sandbox")), "google": serve(Google), "receiver": serve(Receiver)}
print("PORTS " + json.dumps(ports), flush=True)
try:
    sys.stdin.read()  # until the test closes our stdin (or ends)
except KeyboardInterrupt:
    pass
