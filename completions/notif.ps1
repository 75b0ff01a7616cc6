# PowerShell completion for notif (generated; do not edit)
# load it with: notif completion powershell | Out-String | Invoke-Expression (add that line to $PROFILE)
$global:NotifCommands = @{
  'notif' = @{
    Subcommands = @(@{ Name = 'setup'; Tip = 'Configure a store to send its notifications to an ingestion URL.' }, @{ Name = 'check'; Tip = 'Check a store''s notification set-up end to end, or every app and store of notif.toml at once.' }, @{ Name = 'send'; Tip = 'Send one correctly signed test notification to an ingestion URL and explain the answer.' }, @{ Name = 'verify'; Tip = 'Verify a captured notification''s signature offline and say what failed.' }, @{ Name = 'rotate'; Tip = 'Replace a store''s endpoint and secret without a moment without notifications.' }, @{ Name = 'resend'; Tip = 'Have a store deliver again the notifications it could not deliver.' }, @{ Name = 'listen'; Tip = 'Run a local ingestion endpoint that verifies, answers and records deliveries as the backend does.' }, @{ Name = 'status'; Tip = 'Show last-received times, counts and the latest rejection per store.' }, @{ Name = 'init'; Tip = 'Write a commented starting notif.toml from flags and from what the accounts already hold.' }, @{ Name = 'plan'; Tip = 'Show what setting up every app and store of notif.toml would change, as one plan; change nothing.' }, @{ Name = 'apply'; Tip = 'Carry out the plan: set up every app and store of notif.toml as the file says, idempotently.' }, @{ Name = 'demo'; Tip = 'The main job offline, in one command: a local receiver, signed deliveries, verdicts, last received.' }, @{ Name = 'completion'; Tip = 'Print the shell completion script for bash, zsh, fish or PowerShell.' })
    Options = @(
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif setup' = @{
    Subcommands = @(@{ Name = 'stripe'; Tip = 'Make the Stripe account hold exactly one enabled webhook endpoint for URL with exactly the allowed events.' }, @{ Name = 'google'; Tip = 'Create the Pub/Sub topic Google Play publishes to, grant Play the publisher role, push to a URL.' }, @{ Name = 'apple'; Tip = 'Point an app''s App Store Server Notifications (production and sandbox) at an ingestion URL.' })
    Options = @(
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif setup stripe' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = 'The ingestion URL Stripe must deliver to.' }
      @{ Names = @('--track-new-purchases'); Value = 'none'; Candidates = @(); Tip = 'Also customer.subscription.created and checkout.session.completed (when the backend tracks new purchases from server-to-server notifications).' }
      @{ Names = @('--dry-run'); Value = 'none'; Candidates = @(); Tip = 'Print the plan (create/update/delete, events added/removed); send no write.' }
      @{ Names = @('--prune'); Value = 'none'; Candidates = @(); Tip = 'With several endpoints for URL: keep one, fix it, delete the others.' }
      @{ Names = @('--keep'); Value = 'text'; Candidates = @(); Tip = 'With --prune: the endpoint to keep (default: the one whose signing secret the backend holds, as the differential probe shows; none is deleted when that cannot be told).' }
      @{ Names = @('--secret'); Value = 'text'; Candidates = @(); Tip = 'With --prune: the signing secret the backend holds (whsec_...); the probe tells which endpoint signs with it. ''-'' reads it from stdin (a hidden prompt on a terminal); default: $STRIPE_WEBHOOK_SECRET.' }
      @{ Names = @('--recreate'); Value = 'none'; Candidates = @(); Tip = 'Replace the endpoint by a new one to get a new signing secret (the old one stops working).' }
      @{ Names = @('-y', '--yes'); Value = 'none'; Candidates = @(); Tip = 'Confirm deletions (--prune, --recreate) without a prompt; required when stdin is not a terminal or CI is set.' }
      @{ Names = @('--api-version'); Value = 'text'; Candidates = @(); Tip = 'Pin a created endpoint to this Stripe API version (e.g. 2025-09-30.clover); default: the account''s default version. An existing endpoint''s version cannot be changed: see notif rotate stripe.' }
      @{ Names = @('--secret-file'); Value = 'file'; Candidates = @(); Tip = 'Write the new endpoint''s signing secret to FILE (mode 0600), without asking.' }
      @{ Names = @('--show-secret'); Value = 'none'; Candidates = @(); Tip = 'Print the new signing secret whole instead of redacted.' }
      @{ Names = @('--api-key'); Value = 'text'; Candidates = @(); Tip = 'Stripe secret or restricted key (sk_test_/rk_test_/sk_live_/rk_live_, rkcs_test_ for a claimable sandbox); ''-'' reads it from stdin (a hidden prompt on a terminal); default: $STRIPE_API_KEY. Its prefix decides test or live mode.' }
      @{ Names = @('--api-key-file'); Value = 'file'; Candidates = @(); Tip = 'Read the Stripe key from FILE (one line).' }
      @{ Names = @('--api-base'); Value = 'text'; Candidates = @(); Tip = 'Stripe API base URL (default: https://api.stripe.com); for tests and local fakes.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif setup google' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--credentials'); Value = 'file'; Candidates = @(); Tip = 'Google credentials as Google''s tools accept them: a service-account key, gcloud user credentials, a workload identity federation (external_account) or impersonation configuration; default: $GOOGLE_APPLICATION_CREDENTIALS, then gcloud''s application default credentials, then the metadata server (on Google Cloud, or $GCE_METADATA_HOST). Not needed with PUBSUB_EMULATOR_HOST.' }
      @{ Names = @('--impersonate-service-account'); Value = 'text'; Candidates = @(); Tip = 'Call as this service account, impersonated with the credentials above (they need roles/iam.serviceAccountTokenCreator on it); default: $CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT.' }
      @{ Names = @('--project'); Value = 'text'; Candidates = @(); Tip = 'Google Cloud project id of the topic; default: from --topic projects/P/topics/T, $GOOGLE_CLOUD_PROJECT or the key''s project_id.' }
      @{ Names = @('--pubsub-api-base'); Value = 'text'; Candidates = @(); Tip = 'Pub/Sub API base (tests, fakes); default: https://pubsub.googleapis.com, or http://$PUBSUB_EMULATOR_HOST.' }
      @{ Names = @('--topic'); Value = 'text'; Candidates = @(); Tip = 'Topic id, or projects/P/topics/T.' }
      @{ Names = @('--url', '--push-url'); Value = 'text'; Candidates = @(); Tip = 'Ingestion URL that receives the notifications (the backend''s Google Play endpoint); without it no subscription is touched. --push-url is its former name.' }
      @{ Names = @('--subscription'); Value = 'text'; Candidates = @(); Tip = 'Subscription id (default: <topic>-push, or the subscription already pushing to URL).' }
      @{ Names = @('--ack-deadline'); Value = 'text'; Candidates = @(); Tip = 'How long Pub/Sub waits for the endpoint''s answer, 10-600 (default on creation: 60).' }
      @{ Names = @('--retention'); Value = 'text'; Candidates = @(); Tip = 'How long undelivered messages are kept, 10m-31d (default on creation: 7d).' }
      @{ Names = @('--unwrapped'); Value = 'none'; Candidates = @(); Tip = 'Push the bare notification JSON instead of the Pub/Sub envelope (only for backends that ask for it; most decode message.data).' }
      @{ Names = @('--push-auth'); Value = 'text'; Candidates = @(); Tip = 'Authenticate each push with an OIDC token of this service account (the caller needs iam.serviceAccounts.actAs on it); the receiver verifies it (notif listen --google-audience).' }
      @{ Names = @('--push-audience'); Value = 'text'; Candidates = @(); Tip = 'With --push-auth: the token''s audience (default: the push URL).' }
      @{ Names = @('--dry-run'); Value = 'none'; Candidates = @(); Tip = 'Read the current state and print the plan; change nothing.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif setup apple' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--bundle-id'); Value = 'text'; Candidates = @(); Tip = 'The app''s bundle id; default: $APPLE_BUNDLE_ID.' }
      @{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = 'The https URL that receives the notifications (production, and sandbox unless --sandbox-url).' }
      @{ Names = @('--sandbox-url'); Value = 'text'; Candidates = @(); Tip = 'A different URL for sandbox (default: --url).' }
      @{ Names = @('--version'); Value = 'text'; Candidates = @('V1', 'V2'); Tip = 'Notification version for both environments (default: V2). Here --version takes a value (the contract''s name for it): ''notif --version'' prints notif''s version.' }
      @{ Names = @('--environment'); Value = 'text'; Candidates = @('production', 'sandbox'); Tip = 'Change only production or only sandbox (default: both).' }
      @{ Names = @('--dry-run'); Value = 'none'; Candidates = @(); Tip = 'Print the before/after; change nothing.' }
      @{ Names = @('-y', '--yes'); Value = 'none'; Candidates = @(); Tip = 'Replace the app''s production URL without a prompt; required when stdin is not a terminal or CI is set.' }
      @{ Names = @('--force'); Value = 'none'; Candidates = @(); Tip = 'Set a URL on a port other than 443 or 1024 and up, or one that answers a redirect, anyway (Apple does not deliver to either).' }
      @{ Names = @('--asc-key-file'); Value = 'file'; Candidates = @(); Tip = 'App Store Connect API team key (.p8); default: $ASC_KEY_FILE.' }
      @{ Names = @('--asc-key-id'); Value = 'text'; Candidates = @(); Tip = 'Its key id; default: $ASC_KEY_ID.' }
      @{ Names = @('--asc-issuer-id'); Value = 'text'; Candidates = @(); Tip = 'The team''s issuer id; default: $ASC_ISSUER_ID.' }
      @{ Names = @('--asc-api-base'); Value = 'text'; Candidates = @(); Tip = 'App Store Connect API base URL (default: https://api.appstoreconnect.apple.com); for tests and fakes.' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
    )
    Arguments = @()
  }
  'notif check' = @{
    Subcommands = @(@{ Name = 'stripe'; Tip = 'Check a Stripe webhook set-up end to end: account, endpoint, URL, secret, recent deliveries.' }, @{ Name = 'google'; Tip = 'Check the Pub/Sub topic, Play''s publish right, the push subscription and recent deliveries.' }, @{ Name = 'amazon'; Tip = 'Check that an endpoint would be Verified by Amazon Appstore and answers its Real-time Notifications.' }, @{ Name = 'apple'; Tip = 'Check an app''s App Store Server Notifications end to end, in production and sandbox.' })
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--config'); Value = 'file'; Candidates = @(); Tip = 'The file listing the apps and their stores (default: $NOTIF_CONFIG, else ./notif.toml).' }
      @{ Names = @('--app'); Value = 'text'; Candidates = @(); Tip = 'Only these apps (repeatable, or comma-separated; default: every app of the file).' }
      @{ Names = @('--store'); Value = 'text'; Candidates = @(); Tip = 'Only these stores: stripe, apple, google, amazon (repeatable, or comma-separated).' }
      @{ Names = @('--only'); Value = 'text'; Candidates = @(); Tip = 'Only checks with these ids, or patterns ending in * (stripe.endpoint.*); repeatable.' }
      @{ Names = @('--skip'); Value = 'text'; Candidates = @(); Tip = 'Leave out checks with these ids or patterns (*.liveness); repeatable.' }
      @{ Names = @('--fail-on'); Value = 'text'; Candidates = @(); Tip = 'What makes the run exit 1: a failed check (default), or also a warning.' }
      @{ Names = @('--junit'); Value = 'file'; Candidates = @(); Tip = 'Also write the report as JUnit XML to FILE.' }
      @{ Names = @('--concurrency'); Value = 'text'; Candidates = @(); Tip = 'At most N checks of one provider at a time (default: the file''s [concurrency], else 8).' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif check stripe' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = 'The ingestion URL Stripe delivers to.' }
      @{ Names = @('--track-new-purchases'); Value = 'none'; Candidates = @(); Tip = 'The backend also accepts customer.subscription.created and checkout.session.completed.' }
      @{ Names = @('--secret'); Value = 'text'; Candidates = @(); Tip = 'The signing secret the backend holds (whsec_...); ''-'' reads it from stdin (a hidden prompt on a terminal); default: $STRIPE_WEBHOOK_SECRET.' }
      @{ Names = @('--secret-file'); Value = 'file'; Candidates = @(); Tip = 'Read the signing secret from FILE (one line; kept out of shell history and ps).' }
      @{ Names = @('--subscription'); Value = 'text'; Candidates = @(); Tip = 'Subscription id for the probe deliveries (default: generated; pass one the backend knows).' }
      @{ Names = @('--customer'); Value = 'text'; Candidates = @(); Tip = 'Customer id for the probe deliveries.' }
      @{ Names = @('--days'); Value = 'text'; Candidates = @(); Tip = 'How many days of events stripe.deliveries looks at, 1 to 30 (default: 30).' }
      @{ Names = @('--app-user-id'); Value = 'text'; Candidates = @(); Tip = 'The backend''s App User ID method for new purchases: anonymous, customer or metadata:KEY; checks recent Checkout Sessions and Subscriptions against it (stripe.app_user_id).' }
      @{ Names = @('--sample'); Value = 'text'; Candidates = @(); Tip = 'With --app-user-id: how many recent Checkout Sessions and Subscriptions to read, 1 to 1000 (default: 100).' }
      @{ Names = @('--api-key'); Value = 'text'; Candidates = @(); Tip = 'Stripe secret or restricted key (sk_test_/rk_test_/sk_live_/rk_live_, rkcs_test_ for a claimable sandbox); ''-'' reads it from stdin (a hidden prompt on a terminal); default: $STRIPE_API_KEY. Its prefix decides test or live mode.' }
      @{ Names = @('--api-key-file'); Value = 'file'; Candidates = @(); Tip = 'Read the Stripe key from FILE (one line).' }
      @{ Names = @('--api-base'); Value = 'text'; Candidates = @(); Tip = 'Stripe API base URL (default: https://api.stripe.com); for tests and local fakes.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif check google' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--credentials'); Value = 'file'; Candidates = @(); Tip = 'Google credentials as Google''s tools accept them: a service-account key, gcloud user credentials, a workload identity federation (external_account) or impersonation configuration; default: $GOOGLE_APPLICATION_CREDENTIALS, then gcloud''s application default credentials, then the metadata server (on Google Cloud, or $GCE_METADATA_HOST). Not needed with PUBSUB_EMULATOR_HOST.' }
      @{ Names = @('--impersonate-service-account'); Value = 'text'; Candidates = @(); Tip = 'Call as this service account, impersonated with the credentials above (they need roles/iam.serviceAccountTokenCreator on it); default: $CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT.' }
      @{ Names = @('--project'); Value = 'text'; Candidates = @(); Tip = 'Google Cloud project id of the topic; default: from --topic projects/P/topics/T, $GOOGLE_CLOUD_PROJECT or the key''s project_id.' }
      @{ Names = @('--pubsub-api-base'); Value = 'text'; Candidates = @(); Tip = 'Pub/Sub API base (tests, fakes); default: https://pubsub.googleapis.com, or http://$PUBSUB_EMULATOR_HOST.' }
      @{ Names = @('--topic'); Value = 'text'; Candidates = @(); Tip = 'Topic id, or projects/P/topics/T.' }
      @{ Names = @('--url', '--push-url'); Value = 'text'; Candidates = @(); Tip = 'The ingestion URL a subscription must push to. --push-url is its former name.' }
      @{ Names = @('--push-auth'); Value = 'text'; Candidates = @(); Tip = 'The service account whose OIDC token the backend expects on each push: google.subscription fails when the subscription pushes without it (push authentication is reported either way).' }
      @{ Names = @('--days'); Value = 'text'; Candidates = @(); Tip = 'Deliveries of the last N days, 1-42 (default: 7).' }
      @{ Names = @('--unwrapped'); Value = 'none'; Candidates = @(); Tip = 'Expect the bare notification to be pushed (payload unwrapping), not the Pub/Sub envelope.' }
      @{ Names = @('--monitoring-api-base'); Value = 'text'; Candidates = @(); Tip = 'Cloud Monitoring API base (tests, fakes); default: https://monitoring.googleapis.com.' }
      @{ Names = @('--resourcemanager-api-base'); Value = 'text'; Candidates = @(); Tip = 'Cloud Resource Manager API base (tests, fakes); default: https://cloudresourcemanager.googleapis.com.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif check amazon' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = 'The ingestion URL of Amazon RTN.' }
      @{ Names = @('--type'); Value = 'text'; Candidates = @('CONSUMABLE_PURCHASED', 'CONSUMABLE_CANCELLED', 'ENTITLEMENT_PURCHASED', 'ENTITLEMENT_CANCELLED', 'SUBSCRIPTION_PURCHASED', 'SUBSCRIPTION_RENEWED', 'SUBSCRIPTION_CONVERTED_FREE_TRIAL_TO_PAID', 'SUBSCRIPTION_CANCELLED', 'SUBSCRIPTION_EXPIRED', 'SUBSCRIPTION_AUTO_RENEWAL_ON', 'SUBSCRIPTION_AUTO_RENEWAL_OFF', 'SUBSCRIPTION_SCHEDULED_TO_END', 'SUBSCRIPTION_IN_GRACE_PERIOD', 'SUBSCRIPTION_OUT_OF_GRACE_PERIOD', 'SUBSCRIPTION_MODIFIED_IMMEDIATE', 'SUBSCRIPTION_MODIFIED_DEFERRED'); Tip = 'notificationType of the Notification sent (default: SUBSCRIPTION_PURCHASED).' }
      @{ Names = @('--wait'); Value = 'text'; Candidates = @(); Tip = 'How long to wait for the endpoint to fetch the SubscribeURL of each confirmation sent (as SNS sends it, then once more as application/json when needed; default: 10).' }
      @{ Names = @('--callback-host'); Value = 'text'; Candidates = @(); Tip = 'Address the stand-in SNS host binds to (default: 127.0.0.1). The endpoint under test must reach it to fetch the certificate and the SubscribeURL: loopback suits a local receiver; for a remote endpoint bind a reachable address or use --public-url.' }
      @{ Names = @('--callback-port'); Value = 'text'; Candidates = @(); Tip = 'Port of the stand-in SNS host (default: a free one).' }
      @{ Names = @('--public-url'); Value = 'text'; Candidates = @(); Tip = 'Base URL the endpoint is told to fetch from, when it reaches notif through a tunnel or a forwarded port (for example https://abc.tunnel.example); default: http://ADDRESS:PORT.' }
      @{ Names = @('--topic-arn'); Value = 'text'; Candidates = @(); Tip = 'TopicArn of the messages (default: arn:aws:sns:us-east-1:123456789012:notif-rtn-test).' }
      @{ Names = @('--signature-version'); Value = 'text'; Candidates = @('1', '2'); Tip = 'SignatureVersion: 1 (SHA1withRSA, SNS''s default) or 2 (SHA256withRSA) (default: 1).' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif check apple' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--bundle-id'); Value = 'text'; Candidates = @(); Tip = 'The app''s bundle id; default: $APPLE_BUNDLE_ID.' }
      @{ Names = @('--environment'); Value = 'text'; Candidates = @('production', 'sandbox'); Tip = 'Check only production or only sandbox (default: both).' }
      @{ Names = @('--days'); Value = 'text'; Candidates = @(); Tip = 'Days of notification history to read, 1 to 180 (default: 30).' }
      @{ Names = @('--wait'); Value = 'text'; Candidates = @(); Tip = 'How long to wait for Apple to try the test notification (default: 60).' }
      @{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = 'The URL the app should deliver to: probed, and compared with App Store Connect''s.' }
      @{ Names = @('--key-file'); Value = 'file'; Candidates = @(); Tip = 'In-App Purchase key (.p8) for the App Store Server API; default: $APPLE_IAP_KEY_FILE.' }
      @{ Names = @('--key-id'); Value = 'text'; Candidates = @(); Tip = 'Its key id; default: $APPLE_IAP_KEY_ID.' }
      @{ Names = @('--issuer-id'); Value = 'text'; Candidates = @(); Tip = 'The team''s issuer id; default: $APPLE_ISSUER_ID.' }
      @{ Names = @('--api-base'); Value = 'text'; Candidates = @(); Tip = 'App Store Server API base URL, for tests and fakes (default: Apple''s current hosts, https://api.storekit.apple.com and https://api.storekit-sandbox.apple.com; the older api.storekit.itunes.apple.com ones are accepted here too).' }
      @{ Names = @('--sandbox-api-base'); Value = 'text'; Candidates = @(); Tip = 'App Store Server API base URL for sandbox, for tests and fakes (default: --api-base).' }
      @{ Names = @('--asc-key-file'); Value = 'file'; Candidates = @(); Tip = 'App Store Connect API team key (.p8); default: $ASC_KEY_FILE.' }
      @{ Names = @('--asc-key-id'); Value = 'text'; Candidates = @(); Tip = 'Its key id; default: $ASC_KEY_ID.' }
      @{ Names = @('--asc-issuer-id'); Value = 'text'; Candidates = @(); Tip = 'The team''s issuer id; default: $ASC_ISSUER_ID.' }
      @{ Names = @('--asc-api-base'); Value = 'text'; Candidates = @(); Tip = 'App Store Connect API base URL (default: https://api.appstoreconnect.apple.com); for tests and fakes.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif send' = @{
    Subcommands = @(@{ Name = 'stripe'; Tip = 'Send one signed Stripe webhook delivery to an ingestion URL and explain the answer.' }, @{ Name = 'google'; Tip = 'Publish a Google Play notification to the topic, or push one straight to an ingestion URL.' }, @{ Name = 'amazon'; Tip = 'Send one signed Amazon Appstore Real-time Notification (over SNS) to an ingestion URL and explain the answer.' }, @{ Name = 'apple'; Tip = 'Send one App Store Server Notification (V2 signed by a test chain, or V1) and explain the answer.' })
    Options = @(
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif send stripe' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = 'The ingestion URL that receives Stripe webhooks.' }
      @{ Names = @('--secret'); Value = 'text'; Candidates = @(); Tip = 'The endpoint''s signing secret (whsec_...); ''-'' reads it from stdin (a hidden prompt on a terminal); default: $STRIPE_WEBHOOK_SECRET, else, for a notif listen on this machine (a loopback URL ending in /stripe whose /status answers), the secret that listen generated in its default data directory, said on stderr.' }
      @{ Names = @('--secret-file'); Value = 'file'; Candidates = @(); Tip = 'Read the signing secret from FILE (one line; kept out of shell history and ps).' }
      @{ Names = @('--event'); Value = 'text'; Candidates = @('account.application.authorized', 'account.application.deauthorized', 'account.external_account.created', 'account.external_account.deleted', 'account.external_account.updated', 'account.updated', 'application_fee.created', 'application_fee.refund.updated', 'application_fee.refunded', 'balance.available', 'balance_settings.updated', 'billing.alert.triggered', 'billing.credit_balance_transaction.created', 'billing.credit_grant.created', 'billing.credit_grant.updated', 'billing.meter.created', 'billing.meter.deactivated', 'billing.meter.reactivated', 'billing.meter.updated', 'billing_portal.configuration.created', 'billing_portal.configuration.updated', 'billing_portal.session.created', 'capability.updated', 'cash_balance.funds_available', 'charge.captured', 'charge.dispute.closed', 'charge.dispute.created', 'charge.dispute.funds_reinstated', 'charge.dispute.funds_withdrawn', 'charge.dispute.updated', 'charge.expired', 'charge.failed', 'charge.pending', 'charge.refund.updated', 'charge.refunded', 'charge.succeeded', 'charge.updated', 'checkout.session.async_payment_failed', 'checkout.session.async_payment_succeeded', 'checkout.session.completed', 'checkout.session.expired', 'climate.order.canceled', 'climate.order.created', 'climate.order.delayed', 'climate.order.delivered', 'climate.order.product_substituted', 'climate.product.created', 'climate.product.pricing_updated', 'coupon.created', 'coupon.deleted', 'coupon.updated', 'credit_note.created', 'credit_note.updated', 'credit_note.voided', 'customer.created', 'customer.deleted', 'customer.discount.created', 'customer.discount.deleted', 'customer.discount.updated', 'customer.source.created', 'customer.source.deleted', 'customer.source.expiring', 'customer.source.updated', 'customer.subscription.created', 'customer.subscription.deleted', 'customer.subscription.paused', 'customer.subscription.pending_update_applied', 'customer.subscription.pending_update_expired', 'customer.subscription.resumed', 'customer.subscription.trial_will_end', 'customer.subscription.updated', 'customer.tax_id.created', 'customer.tax_id.deleted', 'customer.tax_id.updated', 'customer.updated', 'customer_cash_balance_transaction.created', 'entitlements.active_entitlement_summary.updated', 'file.created', 'financial_connections.account.account_numbers_updated', 'financial_connections.account.created', 'financial_connections.account.deactivated', 'financial_connections.account.disconnected', 'financial_connections.account.expected_deactivation_date_updated', 'financial_connections.account.reactivated', 'financial_connections.account.refreshed_balance', 'financial_connections.account.refreshed_ownership', 'financial_connections.account.refreshed_transactions', 'financial_connections.account.supported_payment_method_types_updated', 'financial_connections.account.upcoming_account_number_expiry', 'financial_connections.account.upcoming_deactivation', 'financial_connections.authorization.expected_deactivation_date_updated', 'financial_connections.authorization.upcoming_deactivation', 'identity.verification_session.canceled', 'identity.verification_session.created', 'identity.verification_session.processing', 'identity.verification_session.redacted', 'identity.verification_session.requires_input', 'identity.verification_session.verified', 'invoice.created', 'invoice.deleted', 'invoice.finalization_failed', 'invoice.finalized', 'invoice.marked_uncollectible', 'invoice.overdue', 'invoice.overpaid', 'invoice.paid', 'invoice.payment_action_required', 'invoice.payment_attempt_required', 'invoice.payment_failed', 'invoice.payment_succeeded', 'invoice.sent', 'invoice.upcoming', 'invoice.updated', 'invoice.voided', 'invoice.will_be_due', 'invoice_payment.paid', 'invoiceitem.created', 'invoiceitem.deleted', 'issuing_authorization.created', 'issuing_authorization.request', 'issuing_authorization.updated', 'issuing_card.created', 'issuing_card.updated', 'issuing_cardholder.created', 'issuing_cardholder.updated', 'issuing_dispute.closed', 'issuing_dispute.created', 'issuing_dispute.funds_reinstated', 'issuing_dispute.funds_rescinded', 'issuing_dispute.submitted', 'issuing_dispute.updated', 'issuing_personalization_design.activated', 'issuing_personalization_design.deactivated', 'issuing_personalization_design.rejected', 'issuing_personalization_design.updated', 'issuing_token.created', 'issuing_token.updated', 'issuing_transaction.created', 'issuing_transaction.purchase_details_receipt_updated', 'issuing_transaction.updated', 'mandate.updated', 'payment_intent.amount_capturable_updated', 'payment_intent.canceled', 'payment_intent.created', 'payment_intent.partially_funded', 'payment_intent.payment_failed', 'payment_intent.processing', 'payment_intent.requires_action', 'payment_intent.succeeded', 'payment_link.created', 'payment_link.updated', 'payment_method.attached', 'payment_method.automatically_updated', 'payment_method.detached', 'payment_method.updated', 'payout.canceled', 'payout.created', 'payout.failed', 'payout.paid', 'payout.reconciliation_completed', 'payout.updated', 'person.created', 'person.deleted', 'person.updated', 'plan.created', 'plan.deleted', 'plan.updated', 'price.created', 'price.deleted', 'price.updated', 'product.created', 'product.deleted', 'product.updated', 'promotion_code.created', 'promotion_code.updated', 'quote.accepted', 'quote.canceled', 'quote.created', 'quote.finalized', 'radar.early_fraud_warning.created', 'radar.early_fraud_warning.updated', 'refund.created', 'refund.failed', 'refund.updated', 'reporting.report_run.failed', 'reporting.report_run.succeeded', 'reporting.report_type.updated', 'reserve.hold.created', 'reserve.hold.updated', 'reserve.plan.created', 'reserve.plan.disabled', 'reserve.plan.expired', 'reserve.plan.updated', 'reserve.release.created', 'review.closed', 'review.opened', 'setup_intent.canceled', 'setup_intent.created', 'setup_intent.requires_action', 'setup_intent.setup_failed', 'setup_intent.succeeded', 'sigma.scheduled_query_run.created', 'source.canceled', 'source.chargeable', 'source.failed', 'source.mandate_notification', 'source.refund_attributes_required', 'source.transaction.created', 'source.transaction.updated', 'subscription_schedule.aborted', 'subscription_schedule.canceled', 'subscription_schedule.completed', 'subscription_schedule.created', 'subscription_schedule.expiring', 'subscription_schedule.released', 'subscription_schedule.updated', 'tax.settings.updated', 'tax_rate.created', 'tax_rate.updated', 'terminal.reader.action_failed', 'terminal.reader.action_succeeded', 'terminal.reader.action_updated', 'test_helpers.test_clock.advancing', 'test_helpers.test_clock.created', 'test_helpers.test_clock.deleted', 'test_helpers.test_clock.internal_failure', 'test_helpers.test_clock.ready', 'topup.canceled', 'topup.created', 'topup.failed', 'topup.reversed', 'topup.succeeded', 'transfer.created', 'transfer.reversed', 'transfer.updated', 'treasury.credit_reversal.created', 'treasury.credit_reversal.posted', 'treasury.debit_reversal.completed', 'treasury.debit_reversal.created', 'treasury.debit_reversal.initial_credit_granted', 'treasury.financial_account.closed', 'treasury.financial_account.created', 'treasury.financial_account.features_status_updated', 'treasury.inbound_transfer.canceled', 'treasury.inbound_transfer.created', 'treasury.inbound_transfer.failed', 'treasury.inbound_transfer.succeeded', 'treasury.outbound_payment.canceled', 'treasury.outbound_payment.created', 'treasury.outbound_payment.expected_arrival_date_updated', 'treasury.outbound_payment.failed', 'treasury.outbound_payment.posted', 'treasury.outbound_payment.returned', 'treasury.outbound_payment.tracking_details_updated', 'treasury.outbound_transfer.canceled', 'treasury.outbound_transfer.created', 'treasury.outbound_transfer.expected_arrival_date_updated', 'treasury.outbound_transfer.failed', 'treasury.outbound_transfer.posted', 'treasury.outbound_transfer.returned', 'treasury.outbound_transfer.tracking_details_updated', 'treasury.received_credit.created', 'treasury.received_credit.failed', 'treasury.received_credit.succeeded', 'treasury.received_debit.created'); Tip = 'Event type (default: customer.subscription.updated). Types outside the accepted set are sent with a warning.' }
      @{ Names = @('--data'); Value = 'file'; Candidates = @(); Tip = 'JSON to send: a Stripe object becomes data.object; a whole event is sent byte for byte. ''-'' reads stdin.' }
      @{ Names = @('--timestamp'); Value = 'text'; Candidates = @(); Tip = 'Signature timestamp in Unix seconds (default: now).' }
      @{ Names = @('--customer'); Value = 'text'; Candidates = @(); Tip = 'Customer id to put in the event (default: generated).' }
      @{ Names = @('--subscription'); Value = 'text'; Candidates = @(); Tip = 'Subscription id to put in the event (default: generated).' }
      @{ Names = @('--livemode'); Value = 'none'; Candidates = @(); Tip = 'Mark the event as live mode (default: test mode).' }
      @{ Names = @('--show-secret'); Value = 'none'; Candidates = @(); Tip = 'Print the secret whole instead of redacted.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif send google' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--credentials'); Value = 'file'; Candidates = @(); Tip = 'Google credentials as Google''s tools accept them: a service-account key, gcloud user credentials, a workload identity federation (external_account) or impersonation configuration; default: $GOOGLE_APPLICATION_CREDENTIALS, then gcloud''s application default credentials, then the metadata server (on Google Cloud, or $GCE_METADATA_HOST). Not needed with PUBSUB_EMULATOR_HOST.' }
      @{ Names = @('--impersonate-service-account'); Value = 'text'; Candidates = @(); Tip = 'Call as this service account, impersonated with the credentials above (they need roles/iam.serviceAccountTokenCreator on it); default: $CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT.' }
      @{ Names = @('--project'); Value = 'text'; Candidates = @(); Tip = 'Google Cloud project id of the topic; default: from --topic projects/P/topics/T, $GOOGLE_CLOUD_PROJECT or the key''s project_id.' }
      @{ Names = @('--pubsub-api-base'); Value = 'text'; Candidates = @(); Tip = 'Pub/Sub API base (tests, fakes); default: https://pubsub.googleapis.com, or http://$PUBSUB_EMULATOR_HOST.' }
      @{ Names = @('--topic'); Value = 'text'; Candidates = @(); Tip = 'Publish to this topic (id or projects/P/topics/T).' }
      @{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = 'Push the envelope straight to this URL instead.' }
      @{ Names = @('--type'); Value = 'text'; Candidates = @('test', 'subscription', 'one-time', 'voided', 'refund-review'); Tip = 'test, subscription, one-time, voided or refund-review (default: test).' }
      @{ Names = @('--package'); Value = 'text'; Candidates = @(); Tip = 'The app''s package name (default: com.example.app).' }
      @{ Names = @('--notification-type'); Value = 'text'; Candidates = @(); Tip = 'subscription or one-time code: a number or a name such as SUBSCRIPTION_RENEWED.' }
      @{ Names = @('--purchase-token'); Value = 'text'; Candidates = @(); Tip = 'Purchase token (default: generated).' }
      @{ Names = @('--product'); Value = 'text'; Candidates = @(); Tip = 'subscriptionId or sku (default: monthly, coins_100).' }
      @{ Names = @('--order-id'); Value = 'text'; Candidates = @(); Tip = 'voided: the order id (default: generated GPA.…).' }
      @{ Names = @('--refund-type'); Value = 'text'; Candidates = @(); Tip = 'voided: 1 full refund (default), 2 partial.' }
      @{ Names = @('--product-type'); Value = 'text'; Candidates = @(); Tip = 'voided: 1 subscription (default), 2 one-time product.' }
      @{ Names = @('--subscription'); Value = 'text'; Candidates = @(); Tip = '--url: the envelope''s subscription (default: projects/<project or notif-test>/subscriptions/play-rtdn-push).' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif send amazon' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = 'The ingestion URL of Amazon RTN.' }
      @{ Names = @('--type'); Value = 'text'; Candidates = @('CONSUMABLE_PURCHASED', 'CONSUMABLE_CANCELLED', 'ENTITLEMENT_PURCHASED', 'ENTITLEMENT_CANCELLED', 'SUBSCRIPTION_PURCHASED', 'SUBSCRIPTION_RENEWED', 'SUBSCRIPTION_CONVERTED_FREE_TRIAL_TO_PAID', 'SUBSCRIPTION_CANCELLED', 'SUBSCRIPTION_EXPIRED', 'SUBSCRIPTION_AUTO_RENEWAL_ON', 'SUBSCRIPTION_AUTO_RENEWAL_OFF', 'SUBSCRIPTION_SCHEDULED_TO_END', 'SUBSCRIPTION_IN_GRACE_PERIOD', 'SUBSCRIPTION_OUT_OF_GRACE_PERIOD', 'SUBSCRIPTION_MODIFIED_IMMEDIATE', 'SUBSCRIPTION_MODIFIED_DEFERRED'); Tip = 'RTN notificationType (default: SUBSCRIPTION_PURCHASED); one of CONSUMABLE_PURCHASED, CONSUMABLE_CANCELLED, ENTITLEMENT_PURCHASED, ENTITLEMENT_CANCELLED, SUBSCRIPTION_PURCHASED, SUBSCRIPTION_RENEWED, SUBSCRIPTION_CONVERTED_FREE_TRIAL_TO_PAID, SUBSCRIPTION_CANCELLED, SUBSCRIPTION_EXPIRED, SUBSCRIPTION_AUTO_RENEWAL_ON, SUBSCRIPTION_AUTO_RENEWAL_OFF, SUBSCRIPTION_SCHEDULED_TO_END, SUBSCRIPTION_IN_GRACE_PERIOD, SUBSCRIPTION_OUT_OF_GRACE_PERIOD, SUBSCRIPTION_MODIFIED_IMMEDIATE, SUBSCRIPTION_MODIFIED_DEFERRED.' }
      @{ Names = @('--confirmation'); Value = 'none'; Candidates = @(); Tip = 'Send a SubscriptionConfirmation (what Amazon sends when the endpoint is added) instead.' }
      @{ Names = @('--package'); Value = 'text'; Candidates = @(); Tip = 'appPackageName (default: com.example.app).' }
      @{ Names = @('--app-user-id'); Value = 'text'; Candidates = @(); Tip = 'appUserId (default: generated).' }
      @{ Names = @('--receipt-id'); Value = 'text'; Candidates = @(); Tip = 'receiptId (default: generated in Amazon''s shape).' }
      @{ Names = @('--beta'); Value = 'none'; Candidates = @(); Tip = 'Mark it a Live App Testing purchase (betaProductTransaction: true).' }
      @{ Names = @('--wait'); Value = 'text'; Candidates = @(); Tip = 'With --confirmation: how long to wait for the endpoint to fetch the SubscribeURL (default: 5).' }
      @{ Names = @('--callback-host'); Value = 'text'; Candidates = @(); Tip = 'Address the stand-in SNS host binds to (default: 127.0.0.1). The endpoint under test must reach it to fetch the certificate and the SubscribeURL: loopback suits a local receiver; for a remote endpoint bind a reachable address or use --public-url.' }
      @{ Names = @('--callback-port'); Value = 'text'; Candidates = @(); Tip = 'Port of the stand-in SNS host (default: a free one).' }
      @{ Names = @('--public-url'); Value = 'text'; Candidates = @(); Tip = 'Base URL the endpoint is told to fetch from, when it reaches notif through a tunnel or a forwarded port (for example https://abc.tunnel.example); default: http://ADDRESS:PORT.' }
      @{ Names = @('--topic-arn'); Value = 'text'; Candidates = @(); Tip = 'TopicArn of the messages (default: arn:aws:sns:us-east-1:123456789012:notif-rtn-test).' }
      @{ Names = @('--signature-version'); Value = 'text'; Candidates = @('1', '2'); Tip = 'SignatureVersion: 1 (SHA1withRSA, SNS''s default) or 2 (SHA256withRSA) (default: 1).' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif send apple' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = 'The URL that receives Apple''s notifications.' }
      @{ Names = @('--bundle-id'); Value = 'text'; Candidates = @(); Tip = 'The app''s bundle id; default: $APPLE_BUNDLE_ID.' }
      @{ Names = @('--environment'); Value = 'text'; Candidates = @('production', 'sandbox'); Tip = 'sandbox or production (default: sandbox).' }
      @{ Names = @('--type'); Value = 'text'; Candidates = @('TEST', 'SUBSCRIBED', 'DID_RENEW', 'DID_CHANGE_RENEWAL_STATUS', 'DID_CHANGE_RENEWAL_PREF', 'DID_FAIL_TO_RENEW', 'GRACE_PERIOD_EXPIRED', 'EXPIRED', 'OFFER_REDEEMED', 'PRICE_INCREASE', 'REFUND', 'REFUND_DECLINED', 'REFUND_REVERSED', 'REVOKE', 'RENEWAL_EXTENDED', 'CONSUMPTION_REQUEST', 'ONE_TIME_CHARGE', 'RESCIND_CONSENT', 'METADATA_UPDATE', 'MIGRATION', 'PRICE_CHANGE', 'RENEWAL_EXTENSION', 'EXTERNAL_PURCHASE_TOKEN', 'INITIAL_BUY', 'INTERACTIVE_RENEWAL', 'DID_RECOVER', 'CANCEL', 'PRICE_INCREASE_CONSENT'); Tip = 'Notification type: TEST (default for V2), SUBSCRIBED, DID_RENEW, DID_CHANGE_RENEWAL_STATUS, DID_FAIL_TO_RENEW, EXPIRED, REFUND, REVOKE, ONE_TIME_CHARGE, RESCIND_CONSENT, METADATA_UPDATE, MIGRATION, PRICE_CHANGE, RENEWAL_EXTENSION, EXTERNAL_PURCHASE_TOKEN, ... (V1: INITIAL_BUY, DID_RENEW (default), CANCEL, ...).' }
      @{ Names = @('--commitment'); Value = 'none'; Candidates = @(); Tip = 'V2: a monthly subscription with a 12-month commitment (billingPlanType MONTHLY, commitmentInfo).' }
      @{ Names = @('--subtype'); Value = 'text'; Candidates = @('INITIAL_BUY', 'RESUBSCRIBE', 'BILLING_RECOVERY', 'AUTO_RENEW_DISABLED', 'AUTO_RENEW_ENABLED', 'DOWNGRADE', 'UPGRADE', 'GRACE_PERIOD', 'VOLUNTARY', 'BILLING_RETRY', 'PRICE_INCREASE', 'PRODUCT_NOT_FOR_SALE', 'PENDING', 'ACCEPTED', 'SUMMARY', 'FAILURE', 'UNREPORTED'); Tip = 'V2 subtype (default: the type''s most common one).' }
      @{ Names = @('--v1'); Value = 'none'; Candidates = @(); Tip = 'Send a V1 notification instead of V2.' }
      @{ Names = @('--password'); Value = 'text'; Candidates = @(); Tip = 'V1: the app-specific shared secret; ''-'' reads it from stdin (a hidden prompt on a terminal); default: $APPLE_SHARED_SECRET.' }
      @{ Names = @('--password-file'); Value = 'file'; Candidates = @(); Tip = 'V1: read the app-specific shared secret from FILE (one line).' }
      @{ Names = @('--product-id'); Value = 'text'; Candidates = @(); Tip = 'Product id (default: <bundle id>.premium.monthly).' }
      @{ Names = @('--original-transaction-id'); Value = 'text'; Candidates = @(); Tip = 'Original transaction id of a purchase the backend knows (default: generated).' }
      @{ Names = @('--transaction-id'); Value = 'text'; Candidates = @(); Tip = 'Transaction id (default: generated).' }
      @{ Names = @('--app-apple-id'); Value = 'text'; Candidates = @(); Tip = 'The app''s Apple id (in production payloads; default: 1234567890 there, none in sandbox).' }
      @{ Names = @('--show-secret'); Value = 'none'; Candidates = @(); Tip = 'Print the V1 password whole instead of redacted.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif verify' = @{
    Subcommands = @(@{ Name = 'amazon'; Tip = 'Verify the SNS signature of a captured Amazon message and say what failed.' }, @{ Name = 'apple'; Tip = 'Verify and decode an App Store Server Notifications V2 signed payload offline.' }, @{ Name = 'stripe'; Tip = 'Verify a captured Stripe webhook delivery offline and name what is wrong with it.' })
    Options = @(
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif verify amazon' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--message'); Value = 'file'; Candidates = @(); Tip = 'The body SNS POSTed, byte for byte (''-'' reads stdin).' }
      @{ Names = @('--cert'); Value = 'file'; Candidates = @(); Tip = 'PEM certificate to trust in place of fetching SigningCertURL (no host rules, no request).' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif verify apple' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--payload'); Value = 'text'; Candidates = @(); Tip = 'The signedPayload, or a {"signedPayload": ...} body; ''-'' reads stdin.' }
      @{ Names = @('--root'); Value = 'file'; Candidates = @(); Tip = 'Trust this root certificate (DER or PEM) instead of Apple Root CA - G3; repeatable.' }
      @{ Names = @('--bundle-id'); Value = 'text'; Candidates = @(); Tip = 'The bundle id the payload must be for.' }
      @{ Names = @('--environment'); Value = 'text'; Candidates = @('production', 'sandbox'); Tip = 'The environment it must come from: production or sandbox.' }
      @{ Names = @('--app-apple-id'); Value = 'text'; Candidates = @(); Tip = 'The app''s Apple id it must carry.' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif verify stripe' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--payload'); Value = 'text'; Candidates = @(); Tip = 'The request body exactly as received (''-'' reads stdin).' }
      @{ Names = @('--header'); Value = 'text'; Candidates = @(); Tip = 'The Stripe-Signature header value (t=...,v1=...), with or without its name.' }
      @{ Names = @('--secret'); Value = 'text'; Candidates = @(); Tip = 'A candidate signing secret (whsec_...); repeatable; ''-'' reads one from stdin (a hidden prompt on a terminal). Default: $STRIPE_WEBHOOK_SECRET.' }
      @{ Names = @('--secret-file'); Value = 'file'; Candidates = @(); Tip = 'A file holding candidate secrets, one a line; repeatable.' }
      @{ Names = @('--tolerance'); Value = 'text'; Candidates = @(); Tip = 'How old the signature may be, in seconds; 0 checks the signature alone (default: 300, as Stripe''s libraries).' }
      @{ Names = @('--show-secret'); Value = 'none'; Candidates = @(); Tip = 'Print the matching secret whole instead of redacted.' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif rotate' = @{
    Subcommands = @(@{ Name = 'stripe'; Tip = 'Replace the endpoint for URL by a new one (new secret, optionally a new API version), never without one.' })
    Options = @(
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif rotate stripe' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = 'The ingestion URL Stripe delivers to.' }
      @{ Names = @('--track-new-purchases'); Value = 'none'; Candidates = @(); Tip = 'The new endpoint also gets customer.subscription.created and checkout.session.completed.' }
      @{ Names = @('--api-version'); Value = 'text'; Candidates = @(); Tip = 'Pin the new endpoint to this Stripe API version (default: the old endpoint''s pinned version, else the account''s default).' }
      @{ Names = @('--secret-file'); Value = 'file'; Candidates = @(); Tip = 'Write the new signing secret to FILE (mode 0600).' }
      @{ Names = @('--show-secret'); Value = 'none'; Candidates = @(); Tip = 'Print the new signing secret whole instead of redacted.' }
      @{ Names = @('--wait'); Value = 'text'; Candidates = @(); Tip = 'How long to wait for the backend to hold the new secret, 0 to 86400 (default: 600).' }
      @{ Names = @('--interval'); Value = 'text'; Candidates = @(); Tip = 'Seconds between probes while waiting, 1 to 3600 (default: 10).' }
      @{ Names = @('--abort'); Value = 'none'; Candidates = @(); Tip = 'Undo a rotation in progress: delete the new endpoint, keep the old one.' }
      @{ Names = @('--confirmed'); Value = 'none'; Candidates = @(); Tip = 'Delete the old endpoint without probing: you confirm the backend holds the new secret.' }
      @{ Names = @('--subscription'); Value = 'text'; Candidates = @(); Tip = 'Subscription id for the probe deliveries (pass one the backend knows).' }
      @{ Names = @('--customer'); Value = 'text'; Candidates = @(); Tip = 'Customer id for the probe deliveries.' }
      @{ Names = @('--api-key'); Value = 'text'; Candidates = @(); Tip = 'Stripe secret or restricted key (sk_test_/rk_test_/sk_live_/rk_live_, rkcs_test_ for a claimable sandbox); ''-'' reads it from stdin (a hidden prompt on a terminal); default: $STRIPE_API_KEY. Its prefix decides test or live mode.' }
      @{ Names = @('--api-key-file'); Value = 'file'; Candidates = @(); Tip = 'Read the Stripe key from FILE (one line).' }
      @{ Names = @('--api-base'); Value = 'text'; Candidates = @(); Tip = 'Stripe API base URL (default: https://api.stripe.com); for tests and local fakes.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif resend' = @{
    Subcommands = @(@{ Name = 'stripe'; Tip = 'Have Stripe deliver again the allowed-type events it could not deliver to the endpoint for URL.' })
    Options = @(
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif resend stripe' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = 'The ingestion URL Stripe delivers to.' }
      @{ Names = @('--since'); Value = 'text'; Candidates = @(); Tip = 'How far back: Nd, Nh or Nm, at most 30d (default: 7d).' }
      @{ Names = @('--dry-run'); Value = 'none'; Candidates = @(); Tip = 'Print the plan (the events that would be resent); send nothing.' }
      @{ Names = @('--track-new-purchases'); Value = 'none'; Candidates = @(); Tip = 'Also resend customer.subscription.created and checkout.session.completed.' }
      @{ Names = @('--endpoint'); Value = 'text'; Candidates = @(); Tip = 'With several endpoints for URL: the one to resend to.' }
      @{ Names = @('--max'); Value = 'text'; Candidates = @(); Tip = 'At most this many events, the newest first, 1 to 1000 (default: 100).' }
      @{ Names = @('--api-key'); Value = 'text'; Candidates = @(); Tip = 'Stripe secret or restricted key (sk_test_/rk_test_/sk_live_/rk_live_, rkcs_test_ for a claimable sandbox); ''-'' reads it from stdin (a hidden prompt on a terminal); default: $STRIPE_API_KEY. Its prefix decides test or live mode.' }
      @{ Names = @('--api-key-file'); Value = 'file'; Candidates = @(); Tip = 'Read the Stripe key from FILE (one line).' }
      @{ Names = @('--api-base'); Value = 'text'; Candidates = @(); Tip = 'Stripe API base URL (default: https://api.stripe.com); for tests and local fakes.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif listen' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--host'); Value = 'text'; Candidates = @(); Tip = 'Address to bind (default: 127.0.0.1; 0.0.0.0 for every interface).' }
      @{ Names = @('--port'); Value = 'text'; Candidates = @(); Tip = 'Port to bind (default: 8085; 0 picks a free one).' }
      @{ Names = @('--data-dir'); Value = 'file'; Candidates = @(); Tip = 'Where the event log and generated secrets live (default: $XDG_DATA_HOME/notif/receiver).' }
      @{ Names = @('--max-body'); Value = 'text'; Candidates = @(); Tip = 'Largest body accepted; larger ones get 413 (default: 1048576).' }
      @{ Names = @('--stripe-secret'); Value = 'text'; Candidates = @(); Tip = 'Signing secret(s) to verify Stripe-Signature with; repeat during a rotation. Default: $STRIPE_WEBHOOK_SECRET, else a secret generated once and kept in the data directory.' }
      @{ Names = @('--stripe-secret-file'); Value = 'file'; Candidates = @(); Tip = 'Read the signing secret from FILE.' }
      @{ Names = @('--track-new-purchases'); Value = 'none'; Candidates = @(); Tip = 'Also accept customer.subscription.created and checkout.session.completed.' }
      @{ Names = @('--stripe-tolerance'); Value = 'text'; Candidates = @(); Tip = 'Oldest signature timestamp accepted, in seconds (default: 300).' }
      @{ Names = @('--google-package'); Value = 'text'; Candidates = @(); Tip = 'Accept Google Play notifications of this package only (repeatable; default: any package); others get 400 package_mismatch.' }
      @{ Names = @('--google-audience'); Value = 'text'; Candidates = @(); Tip = 'Require authenticated pushes: verify each push''s OIDC token (Google''s signature, this aud, a verified email, issuer accounts.google.com); others get 401/403 unauthenticated. The audience is the subscription''s push audience, by default its push URL.' }
      @{ Names = @('--google-push-account'); Value = 'text'; Candidates = @(); Tip = 'With --google-audience: the service account the token must be for (repeatable; default: any).' }
      @{ Names = @('--amazon-cert'); Value = 'file'; Candidates = @(); Tip = 'Trust this certificate for Amazon messages besides SNS''s own (repeatable): replay captured messages offline with the SNS certificate you saved, or accept a test signer''s.' }
      @{ Names = @('--amazon-cert-url-prefix'); Value = 'text'; Candidates = @(); Tip = 'Fetch SigningCertURL and SubscribeURL under this prefix although it is not an SNS host (repeatable; local work only): http://127.0.0.1: accepts what notif send amazon and notif check amazon sign.' }
      @{ Names = @('--amazon-topic-arn'); Value = 'text'; Candidates = @(); Tip = 'Accept only messages of this SNS topic (repeatable; default: any topic).' }
      @{ Names = @('--apple-root'); Value = 'file'; Candidates = @(); Tip = 'Trust this root certificate (DER or PEM) for V2 payloads besides Apple Root CA - G3 (repeatable): apple-test-chain/root.pem accepts what notif send apple signs.' }
      @{ Names = @('--apple-shared-secret'); Value = 'text'; Candidates = @(); Tip = 'Accept V1 notifications whose password is this app-specific shared secret; default: $APPLE_SHARED_SECRET (none: V1 refused).' }
      @{ Names = @('--apple-bundle-id'); Value = 'text'; Candidates = @(); Tip = 'Accept Apple notifications of this app only (repeatable; default: any); others get 400 wrong_app.' }
      @{ Names = @('--forward-to'); Value = 'text'; Candidates = @(); Tip = 'Relay each accepted Apple notification as-is (same body and Content-Type) to URL after answering Apple, from a durable queue in the data directory: retried with backoff on network errors, 5xx, 408 and 429; other answers are kept in apple-forward/failed/. GET /status shows what is pending and failed.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif status' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = 'Base URL of a notif receiver (default: http://127.0.0.1:8085).' }
      @{ Names = @('--data-dir'); Value = 'file'; Candidates = @(); Tip = 'Read a receiver''s event log from DIR instead.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif init' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--config'); Value = 'file'; Candidates = @(); Tip = 'Where to write it (default: notif.toml; - prints it on stdout).' }
      @{ Names = @('--force'); Value = 'none'; Candidates = @(); Tip = 'Replace the file when it exists.' }
      @{ Names = @('--app'); Value = 'text'; Candidates = @(); Tip = 'The app''s name (default: from the first URL).' }
      @{ Names = @('--stripe-url'); Value = 'text'; Candidates = @(); Tip = 'The app''s Stripe ingestion URL.' }
      @{ Names = @('--track-new-purchases'); Value = 'none'; Candidates = @(); Tip = 'The backend tracks new purchases from Stripe''s events.' }
      @{ Names = @('--apple-bundle-id'); Value = 'text'; Candidates = @(); Tip = 'The app''s bundle id.' }
      @{ Names = @('--apple-url'); Value = 'text'; Candidates = @(); Tip = 'The app''s App Store Server Notifications URL.' }
      @{ Names = @('--google-topic'); Value = 'text'; Candidates = @(); Tip = 'The Pub/Sub topic Play publishes to.' }
      @{ Names = @('--google-project'); Value = 'text'; Candidates = @(); Tip = 'The topic''s project.' }
      @{ Names = @('--google-url', '--google-push-url'); Value = 'text'; Candidates = @(); Tip = 'The URL the subscription pushes to (notif.toml''s url). --google-push-url is its former name.' }
      @{ Names = @('--amazon-url'); Value = 'text'; Candidates = @(); Tip = 'The app''s Amazon RTN ingestion URL.' }
      @{ Names = @('--max-silence'); Value = 'text'; Candidates = @(); Tip = 'max_silence in [defaults] (default: 24h).' }
      @{ Names = @('--discover'); Value = 'none'; Candidates = @(); Tip = 'Also one app per webhook endpoint of the Stripe account (needs the key: --api-key or $STRIPE_API_KEY).' }
      @{ Names = @('--api-key'); Value = 'text'; Candidates = @(); Tip = 'Stripe secret or restricted key (sk_test_/rk_test_/sk_live_/rk_live_, rkcs_test_ for a claimable sandbox); ''-'' reads it from stdin (a hidden prompt on a terminal); default: $STRIPE_API_KEY. Its prefix decides test or live mode.' }
      @{ Names = @('--api-key-file'); Value = 'file'; Candidates = @(); Tip = 'Read the Stripe key from FILE (one line).' }
      @{ Names = @('--api-base'); Value = 'text'; Candidates = @(); Tip = 'Stripe API base URL (default: https://api.stripe.com); for tests and local fakes.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif plan' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--config'); Value = 'file'; Candidates = @(); Tip = 'The file listing the apps and their stores (default: $NOTIF_CONFIG, else ./notif.toml).' }
      @{ Names = @('--app'); Value = 'text'; Candidates = @(); Tip = 'Only these apps (repeatable, or comma-separated; default: every app of the file).' }
      @{ Names = @('--store'); Value = 'text'; Candidates = @(); Tip = 'Only these stores: stripe, apple, google, amazon (repeatable, or comma-separated).' }
      @{ Names = @('--exit-code'); Value = 'none'; Candidates = @(); Tip = 'Exit 1 when something would change (0 when nothing would).' }
      @{ Names = @('--concurrency'); Value = 'text'; Candidates = @(); Tip = 'At most N set-ups of one provider at a time.' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif apply' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--config'); Value = 'file'; Candidates = @(); Tip = 'The file listing the apps and their stores (default: $NOTIF_CONFIG, else ./notif.toml).' }
      @{ Names = @('--app'); Value = 'text'; Candidates = @(); Tip = 'Only these apps (repeatable, or comma-separated; default: every app of the file).' }
      @{ Names = @('--store'); Value = 'text'; Candidates = @(); Tip = 'Only these stores: stripe, apple, google, amazon (repeatable, or comma-separated).' }
      @{ Names = @('-y', '--yes'); Value = 'none'; Candidates = @(); Tip = 'Apply without asking; required when stdin is not a terminal or CI is set.' }
      @{ Names = @('--secrets-file'); Value = 'file'; Candidates = @(); Tip = 'Where the signing secrets of created Stripe endpoints go, mode 0600 (default: notif-secrets.env).' }
      @{ Names = @('--show-secrets'); Value = 'none'; Candidates = @(); Tip = 'Also print the new signing secrets whole.' }
      @{ Names = @('--concurrency'); Value = 'text'; Candidates = @(); Tip = 'At most N set-ups of one provider at a time.' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif demo' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('--keep-data'); Value = 'file'; Candidates = @(); Tip = 'Keep the receiver''s event log in DIR (default: a temporary directory, removed afterwards).' }
      @{ Names = @('--stripe-only'); Value = 'none'; Candidates = @(); Tip = 'Leave out the Apple, Google and Amazon notifications.' }
      @{ Names = @('--timeout'); Value = 'text'; Candidates = @(); Tip = 'Bound on each network call, in seconds (default: 10).' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @()
  }
  'notif completion' = @{
    Subcommands = @()
    Options = @(
      @{ Names = @('--json'); Value = 'none'; Candidates = @(); Tip = 'Print exactly one JSON document on stdout (warnings and hints go to stderr).' }
      @{ Names = @('--no-color'); Value = 'none'; Candidates = @(); Tip = 'No colour, even on a terminal (NO_COLOR is honoured too).' }
      @{ Names = @('--verbose'); Value = 'none'; Candidates = @(); Tip = 'More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.' }
      @{ Names = @('-h', '--help'); Value = 'none'; Candidates = @(); Tip = 'Show this help message and exit.' }
      @{ Names = @('-V', '--version'); Value = 'none'; Candidates = @(); Tip = 'Print version information and exit.' }
    )
    Arguments = @('bash', 'zsh', 'fish', 'powershell')
  }
}

Register-ArgumentCompleter -Native -CommandName 'notif', 'notif.bat' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    # the words before the one being completed (the command name first)
    $words = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -le $cursorPosition } |
        ForEach-Object { $_.Extent.Text })
    if ($wordToComplete -ne '' -and $words.Count -gt 0) {
        $words = @($words | Select-Object -First ($words.Count - 1))
    }
    $path = 'notif'
    foreach ($word in ($words | Select-Object -Skip 1)) {
        if ($global:NotifCommands.ContainsKey("$path $word")) { $path = "$path $word" }
    }
    $command = $global:NotifCommands[$path]
    if ($null -eq $command) { return }
    $prefix = ''
    $current = $wordToComplete
    $option = $null
    if ($current -match '^(--[^=]+)=(.*)$') {
        $name = $Matches[1]
        $prefix = "$name="
        $current = $Matches[2]
        $option = $command.Options | Where-Object { $_.Names -contains $name } | Select-Object -First 1
    } elseif ($words.Count -gt 1) {
        $previous = $words[$words.Count - 1]
        $option = $command.Options | Where-Object { $_.Names -contains $previous -and $_.Value -ne 'none' } |
            Select-Object -First 1
    }
    if ($null -ne $option) {
        # a value: the option's candidates; none for files and free text (PowerShell then offers paths)
        foreach ($candidate in $option.Candidates) {
            if ($candidate -like "$current*") {
                [System.Management.Automation.CompletionResult]::new("$prefix$candidate", $candidate,
                    'ParameterValue', $candidate)
            }
        }
        return
    }
    if ($current -like '-*') {
        foreach ($o in $command.Options) {
            foreach ($name in $o.Names) {
                if ($name -like "$current*") {
                    [System.Management.Automation.CompletionResult]::new($name, $name, 'ParameterName', $o.Tip)
                }
            }
        }
        return
    }
    foreach ($sub in $command.Subcommands) {
        if ($sub.Name -like "$current*") {
            [System.Management.Automation.CompletionResult]::new($sub.Name, $sub.Name, 'Command', $sub.Tip)
        }
    }
    foreach ($argument in $command.Arguments) {
        if ($argument -like "$current*") {
            [System.Management.Automation.CompletionResult]::new($argument, $argument, 'ParameterValue',
                $argument)
        }
    }
}
