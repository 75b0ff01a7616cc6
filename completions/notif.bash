# bash completion for notif (generated; do not edit)
# load it with: source <(notif completion bash), or copy it to the bash-completion directory
_notif() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path=notif i
  if [[ $cur == '=' ]]; then cur=; fi
  if [[ $prev == '=' ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "$path ${COMP_WORDS[i]}" in
      'notif setup'|'notif check'|'notif send'|'notif verify'|'notif rotate'|'notif resend'|'notif listen'|'notif status'|'notif init'|'notif plan'|'notif apply'|'notif demo'|'notif completion'|'notif setup stripe'|'notif setup google'|'notif setup apple'|'notif check stripe'|'notif check google'|'notif check amazon'|'notif check apple'|'notif send stripe'|'notif send google'|'notif send amazon'|'notif send apple'|'notif verify amazon'|'notif verify apple'|'notif verify stripe'|'notif rotate stripe'|'notif resend stripe') path+=" ${COMP_WORDS[i]}" ;;
    esac
  done
  local IFS=$'\n'
  case "$path $prev" in
    'notif setup apple --version')
      COMPREPLY=($(compgen -W 'V1
V2' -- "$cur")); return ;;
    'notif setup apple --environment')
      COMPREPLY=($(compgen -W 'production
sandbox' -- "$cur")); return ;;
    'notif check amazon --type')
      COMPREPLY=($(compgen -W 'CONSUMABLE_PURCHASED
CONSUMABLE_CANCELLED
ENTITLEMENT_PURCHASED
ENTITLEMENT_CANCELLED
SUBSCRIPTION_PURCHASED
SUBSCRIPTION_RENEWED
SUBSCRIPTION_CONVERTED_FREE_TRIAL_TO_PAID
SUBSCRIPTION_CANCELLED
SUBSCRIPTION_EXPIRED
SUBSCRIPTION_AUTO_RENEWAL_ON
SUBSCRIPTION_AUTO_RENEWAL_OFF
SUBSCRIPTION_SCHEDULED_TO_END
SUBSCRIPTION_IN_GRACE_PERIOD
SUBSCRIPTION_OUT_OF_GRACE_PERIOD
SUBSCRIPTION_MODIFIED_IMMEDIATE
SUBSCRIPTION_MODIFIED_DEFERRED' -- "$cur")); return ;;
    'notif check amazon --signature-version')
      COMPREPLY=($(compgen -W '1
2' -- "$cur")); return ;;
    'notif check apple --environment')
      COMPREPLY=($(compgen -W 'production
sandbox' -- "$cur")); return ;;
    'notif send stripe --event')
      COMPREPLY=($(compgen -W 'account.application.authorized
account.application.deauthorized
account.external_account.created
account.external_account.deleted
account.external_account.updated
account.updated
application_fee.created
application_fee.refund.updated
application_fee.refunded
balance.available
balance_settings.updated
billing.alert.triggered
billing.credit_balance_transaction.created
billing.credit_grant.created
billing.credit_grant.updated
billing.meter.created
billing.meter.deactivated
billing.meter.reactivated
billing.meter.updated
billing_portal.configuration.created
billing_portal.configuration.updated
billing_portal.session.created
capability.updated
cash_balance.funds_available
charge.captured
charge.dispute.closed
charge.dispute.created
charge.dispute.funds_reinstated
charge.dispute.funds_withdrawn
charge.dispute.updated
charge.expired
charge.failed
charge.pending
charge.refund.updated
charge.refunded
charge.succeeded
charge.updated
checkout.session.async_payment_failed
checkout.session.async_payment_succeeded
checkout.session.completed
checkout.session.expired
climate.order.canceled
climate.order.created
climate.order.delayed
climate.order.delivered
climate.order.product_substituted
climate.product.created
climate.product.pricing_updated
coupon.created
coupon.deleted
coupon.updated
credit_note.created
credit_note.updated
credit_note.voided
customer.created
customer.deleted
customer.discount.created
customer.discount.deleted
customer.discount.updated
customer.source.created
customer.source.deleted
customer.source.expiring
customer.source.updated
customer.subscription.created
customer.subscription.deleted
customer.subscription.paused
customer.subscription.pending_update_applied
customer.subscription.pending_update_expired
customer.subscription.resumed
customer.subscription.trial_will_end
customer.subscription.updated
customer.tax_id.created
customer.tax_id.deleted
customer.tax_id.updated
customer.updated
customer_cash_balance_transaction.created
entitlements.active_entitlement_summary.updated
file.created
financial_connections.account.account_numbers_updated
financial_connections.account.created
financial_connections.account.deactivated
financial_connections.account.disconnected
financial_connections.account.expected_deactivation_date_updated
financial_connections.account.reactivated
financial_connections.account.refreshed_balance
financial_connections.account.refreshed_ownership
financial_connections.account.refreshed_transactions
financial_connections.account.supported_payment_method_types_updated
financial_connections.account.upcoming_account_number_expiry
financial_connections.account.upcoming_deactivation
financial_connections.authorization.expected_deactivation_date_updated
financial_connections.authorization.upcoming_deactivation
identity.verification_session.canceled
identity.verification_session.created
identity.verification_session.processing
identity.verification_session.redacted
identity.verification_session.requires_input
identity.verification_session.verified
invoice.created
invoice.deleted
invoice.finalization_failed
invoice.finalized
invoice.marked_uncollectible
invoice.overdue
invoice.overpaid
invoice.paid
invoice.payment_action_required
invoice.payment_attempt_required
invoice.payment_failed
invoice.payment_succeeded
invoice.sent
invoice.upcoming
invoice.updated
invoice.voided
invoice.will_be_due
invoice_payment.paid
invoiceitem.created
invoiceitem.deleted
issuing_authorization.created
issuing_authorization.request
issuing_authorization.updated
issuing_card.created
issuing_card.updated
issuing_cardholder.created
issuing_cardholder.updated
issuing_dispute.closed
issuing_dispute.created
issuing_dispute.funds_reinstated
issuing_dispute.funds_rescinded
issuing_dispute.submitted
issuing_dispute.updated
issuing_personalization_design.activated
issuing_personalization_design.deactivated
issuing_personalization_design.rejected
issuing_personalization_design.updated
issuing_token.created
issuing_token.updated
issuing_transaction.created
issuing_transaction.purchase_details_receipt_updated
issuing_transaction.updated
mandate.updated
payment_intent.amount_capturable_updated
payment_intent.canceled
payment_intent.created
payment_intent.partially_funded
payment_intent.payment_failed
payment_intent.processing
payment_intent.requires_action
payment_intent.succeeded
payment_link.created
payment_link.updated
payment_method.attached
payment_method.automatically_updated
payment_method.detached
payment_method.updated
payout.canceled
payout.created
payout.failed
payout.paid
payout.reconciliation_completed
payout.updated
person.created
person.deleted
person.updated
plan.created
plan.deleted
plan.updated
price.created
price.deleted
price.updated
product.created
product.deleted
product.updated
promotion_code.created
promotion_code.updated
quote.accepted
quote.canceled
quote.created
quote.finalized
radar.early_fraud_warning.created
radar.early_fraud_warning.updated
refund.created
refund.failed
refund.updated
reporting.report_run.failed
reporting.report_run.succeeded
reporting.report_type.updated
reserve.hold.created
reserve.hold.updated
reserve.plan.created
reserve.plan.disabled
reserve.plan.expired
reserve.plan.updated
reserve.release.created
review.closed
review.opened
setup_intent.canceled
setup_intent.created
setup_intent.requires_action
setup_intent.setup_failed
setup_intent.succeeded
sigma.scheduled_query_run.created
source.canceled
source.chargeable
source.failed
source.mandate_notification
source.refund_attributes_required
source.transaction.created
source.transaction.updated
subscription_schedule.aborted
subscription_schedule.canceled
subscription_schedule.completed
subscription_schedule.created
subscription_schedule.expiring
subscription_schedule.released
subscription_schedule.updated
tax.settings.updated
tax_rate.created
tax_rate.updated
terminal.reader.action_failed
terminal.reader.action_succeeded
terminal.reader.action_updated
test_helpers.test_clock.advancing
test_helpers.test_clock.created
test_helpers.test_clock.deleted
test_helpers.test_clock.internal_failure
test_helpers.test_clock.ready
topup.canceled
topup.created
topup.failed
topup.reversed
topup.succeeded
transfer.created
transfer.reversed
transfer.updated
treasury.credit_reversal.created
treasury.credit_reversal.posted
treasury.debit_reversal.completed
treasury.debit_reversal.created
treasury.debit_reversal.initial_credit_granted
treasury.financial_account.closed
treasury.financial_account.created
treasury.financial_account.features_status_updated
treasury.inbound_transfer.canceled
treasury.inbound_transfer.created
treasury.inbound_transfer.failed
treasury.inbound_transfer.succeeded
treasury.outbound_payment.canceled
treasury.outbound_payment.created
treasury.outbound_payment.expected_arrival_date_updated
treasury.outbound_payment.failed
treasury.outbound_payment.posted
treasury.outbound_payment.returned
treasury.outbound_payment.tracking_details_updated
treasury.outbound_transfer.canceled
treasury.outbound_transfer.created
treasury.outbound_transfer.expected_arrival_date_updated
treasury.outbound_transfer.failed
treasury.outbound_transfer.posted
treasury.outbound_transfer.returned
treasury.outbound_transfer.tracking_details_updated
treasury.received_credit.created
treasury.received_credit.failed
treasury.received_credit.succeeded
treasury.received_debit.created' -- "$cur")); return ;;
    'notif send google --type')
      COMPREPLY=($(compgen -W 'test
subscription
one-time
voided
refund-review' -- "$cur")); return ;;
    'notif send amazon --type')
      COMPREPLY=($(compgen -W 'CONSUMABLE_PURCHASED
CONSUMABLE_CANCELLED
ENTITLEMENT_PURCHASED
ENTITLEMENT_CANCELLED
SUBSCRIPTION_PURCHASED
SUBSCRIPTION_RENEWED
SUBSCRIPTION_CONVERTED_FREE_TRIAL_TO_PAID
SUBSCRIPTION_CANCELLED
SUBSCRIPTION_EXPIRED
SUBSCRIPTION_AUTO_RENEWAL_ON
SUBSCRIPTION_AUTO_RENEWAL_OFF
SUBSCRIPTION_SCHEDULED_TO_END
SUBSCRIPTION_IN_GRACE_PERIOD
SUBSCRIPTION_OUT_OF_GRACE_PERIOD
SUBSCRIPTION_MODIFIED_IMMEDIATE
SUBSCRIPTION_MODIFIED_DEFERRED' -- "$cur")); return ;;
    'notif send amazon --signature-version')
      COMPREPLY=($(compgen -W '1
2' -- "$cur")); return ;;
    'notif send apple --environment')
      COMPREPLY=($(compgen -W 'production
sandbox' -- "$cur")); return ;;
    'notif send apple --type')
      COMPREPLY=($(compgen -W 'TEST
SUBSCRIBED
DID_RENEW
DID_CHANGE_RENEWAL_STATUS
DID_CHANGE_RENEWAL_PREF
DID_FAIL_TO_RENEW
GRACE_PERIOD_EXPIRED
EXPIRED
OFFER_REDEEMED
PRICE_INCREASE
REFUND
REFUND_DECLINED
REFUND_REVERSED
REVOKE
RENEWAL_EXTENDED
CONSUMPTION_REQUEST
ONE_TIME_CHARGE
RESCIND_CONSENT
METADATA_UPDATE
MIGRATION
PRICE_CHANGE
RENEWAL_EXTENSION
EXTERNAL_PURCHASE_TOKEN
INITIAL_BUY
INTERACTIVE_RENEWAL
DID_RECOVER
CANCEL
PRICE_INCREASE_CONSENT' -- "$cur")); return ;;
    'notif send apple --subtype')
      COMPREPLY=($(compgen -W 'INITIAL_BUY
RESUBSCRIBE
BILLING_RECOVERY
AUTO_RENEW_DISABLED
AUTO_RENEW_ENABLED
DOWNGRADE
UPGRADE
GRACE_PERIOD
VOLUNTARY
BILLING_RETRY
PRICE_INCREASE
PRODUCT_NOT_FOR_SALE
PENDING
ACCEPTED
SUMMARY
FAILURE
UNREPORTED' -- "$cur")); return ;;
    'notif verify apple --environment')
      COMPREPLY=($(compgen -W 'production
sandbox' -- "$cur")); return ;;
    'notif setup stripe --secret-file'|'notif setup stripe --api-key-file'|'notif setup google --credentials'|'notif setup apple --asc-key-file'|'notif check --config'|'notif check --junit'|'notif check stripe --secret-file'|'notif check stripe --api-key-file'|'notif check google --credentials'|'notif check apple --key-file'|'notif check apple --asc-key-file'|'notif send stripe --secret-file'|'notif send stripe --data'|'notif send google --credentials'|'notif send apple --password-file'|'notif verify amazon --message'|'notif verify amazon --cert'|'notif verify apple --root'|'notif verify stripe --secret-file'|'notif rotate stripe --secret-file'|'notif rotate stripe --api-key-file'|'notif resend stripe --api-key-file'|'notif listen --data-dir'|'notif listen --stripe-secret-file'|'notif listen --amazon-cert'|'notif listen --apple-root'|'notif status --data-dir'|'notif init --config'|'notif init --api-key-file'|'notif plan --config'|'notif apply --config'|'notif apply --secrets-file'|'notif demo --keep-data')
      compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    'notif setup stripe --url'|'notif setup stripe --keep'|'notif setup stripe --secret'|'notif setup stripe --api-version'|'notif setup stripe --api-key'|'notif setup stripe --api-base'|'notif setup stripe --timeout'|'notif setup google --impersonate-service-account'|'notif setup google --project'|'notif setup google --pubsub-api-base'|'notif setup google --topic'|'notif setup google --url'|'notif setup google --push-url'|'notif setup google --subscription'|'notif setup google --ack-deadline'|'notif setup google --retention'|'notif setup google --push-auth'|'notif setup google --push-audience'|'notif setup google --timeout'|'notif setup apple --bundle-id'|'notif setup apple --url'|'notif setup apple --sandbox-url'|'notif setup apple --asc-key-id'|'notif setup apple --asc-issuer-id'|'notif setup apple --asc-api-base'|'notif setup apple --timeout'|'notif check --app'|'notif check --store'|'notif check --only'|'notif check --skip'|'notif check --fail-on'|'notif check --concurrency'|'notif check --timeout'|'notif check stripe --url'|'notif check stripe --secret'|'notif check stripe --subscription'|'notif check stripe --customer'|'notif check stripe --days'|'notif check stripe --app-user-id'|'notif check stripe --sample'|'notif check stripe --api-key'|'notif check stripe --api-base'|'notif check stripe --timeout'|'notif check google --impersonate-service-account'|'notif check google --project'|'notif check google --pubsub-api-base'|'notif check google --topic'|'notif check google --url'|'notif check google --push-url'|'notif check google --push-auth'|'notif check google --days'|'notif check google --monitoring-api-base'|'notif check google --resourcemanager-api-base'|'notif check google --timeout'|'notif check amazon --url'|'notif check amazon --wait'|'notif check amazon --callback-host'|'notif check amazon --callback-port'|'notif check amazon --public-url'|'notif check amazon --topic-arn'|'notif check amazon --timeout'|'notif check apple --bundle-id'|'notif check apple --days'|'notif check apple --wait'|'notif check apple --url'|'notif check apple --key-id'|'notif check apple --issuer-id'|'notif check apple --api-base'|'notif check apple --sandbox-api-base'|'notif check apple --asc-key-id'|'notif check apple --asc-issuer-id'|'notif check apple --asc-api-base'|'notif check apple --timeout'|'notif send stripe --url'|'notif send stripe --secret'|'notif send stripe --timestamp'|'notif send stripe --customer'|'notif send stripe --subscription'|'notif send stripe --timeout'|'notif send google --impersonate-service-account'|'notif send google --project'|'notif send google --pubsub-api-base'|'notif send google --topic'|'notif send google --url'|'notif send google --package'|'notif send google --notification-type'|'notif send google --purchase-token'|'notif send google --product'|'notif send google --order-id'|'notif send google --refund-type'|'notif send google --product-type'|'notif send google --subscription'|'notif send google --timeout'|'notif send amazon --url'|'notif send amazon --package'|'notif send amazon --app-user-id'|'notif send amazon --receipt-id'|'notif send amazon --wait'|'notif send amazon --callback-host'|'notif send amazon --callback-port'|'notif send amazon --public-url'|'notif send amazon --topic-arn'|'notif send amazon --timeout'|'notif send apple --url'|'notif send apple --bundle-id'|'notif send apple --password'|'notif send apple --product-id'|'notif send apple --original-transaction-id'|'notif send apple --transaction-id'|'notif send apple --app-apple-id'|'notif send apple --timeout'|'notif verify amazon --timeout'|'notif verify apple --payload'|'notif verify apple --bundle-id'|'notif verify apple --app-apple-id'|'notif verify stripe --payload'|'notif verify stripe --header'|'notif verify stripe --secret'|'notif verify stripe --tolerance'|'notif rotate stripe --url'|'notif rotate stripe --api-version'|'notif rotate stripe --wait'|'notif rotate stripe --interval'|'notif rotate stripe --subscription'|'notif rotate stripe --customer'|'notif rotate stripe --api-key'|'notif rotate stripe --api-base'|'notif rotate stripe --timeout'|'notif resend stripe --url'|'notif resend stripe --since'|'notif resend stripe --endpoint'|'notif resend stripe --max'|'notif resend stripe --api-key'|'notif resend stripe --api-base'|'notif resend stripe --timeout'|'notif listen --host'|'notif listen --port'|'notif listen --max-body'|'notif listen --stripe-secret'|'notif listen --stripe-tolerance'|'notif listen --google-package'|'notif listen --google-audience'|'notif listen --google-push-account'|'notif listen --amazon-cert-url-prefix'|'notif listen --amazon-topic-arn'|'notif listen --apple-shared-secret'|'notif listen --apple-bundle-id'|'notif listen --forward-to'|'notif listen --timeout'|'notif status --url'|'notif status --timeout'|'notif init --app'|'notif init --stripe-url'|'notif init --apple-bundle-id'|'notif init --apple-url'|'notif init --google-topic'|'notif init --google-project'|'notif init --google-url'|'notif init --google-push-url'|'notif init --amazon-url'|'notif init --max-silence'|'notif init --api-key'|'notif init --api-base'|'notif init --timeout'|'notif plan --app'|'notif plan --store'|'notif plan --concurrency'|'notif apply --app'|'notif apply --store'|'notif apply --concurrency'|'notif demo --timeout')
      COMPREPLY=(); return ;;
  esac
  local words
  case $path in
    'notif') if [[ $cur == -* ]]; then words='-h
--help
-V
--version'; else words='setup
check
send
verify
rotate
resend
listen
status
init
plan
apply
demo
completion'; fi ;;
    'notif setup') if [[ $cur == -* ]]; then words='-h
--help
-V
--version'; else words='stripe
google
apple'; fi ;;
    'notif setup stripe') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--url
--track-new-purchases
--dry-run
--prune
--keep
--secret
--recreate
-y
--yes
--api-version
--secret-file
--show-secret
--api-key
--api-key-file
--api-base
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif setup google') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--credentials
--impersonate-service-account
--project
--pubsub-api-base
--topic
--url
--push-url
--subscription
--ack-deadline
--retention
--unwrapped
--push-auth
--push-audience
--dry-run
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif setup apple') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--bundle-id
--url
--sandbox-url
--version
--environment
--dry-run
-y
--yes
--force
--asc-key-file
--asc-key-id
--asc-issuer-id
--asc-api-base
-h
--help
--timeout'; else words=''; fi ;;
    'notif check') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--config
--app
--store
--only
--skip
--fail-on
--junit
--concurrency
--timeout
-h
--help
-V
--version'; else words='stripe
google
amazon
apple'; fi ;;
    'notif check stripe') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--url
--track-new-purchases
--secret
--secret-file
--subscription
--customer
--days
--app-user-id
--sample
--api-key
--api-key-file
--api-base
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif check google') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--credentials
--impersonate-service-account
--project
--pubsub-api-base
--topic
--url
--push-url
--push-auth
--days
--unwrapped
--monitoring-api-base
--resourcemanager-api-base
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif check amazon') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--url
--type
--wait
--callback-host
--callback-port
--public-url
--topic-arn
--signature-version
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif check apple') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--bundle-id
--environment
--days
--wait
--url
--key-file
--key-id
--issuer-id
--api-base
--sandbox-api-base
--asc-key-file
--asc-key-id
--asc-issuer-id
--asc-api-base
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif send') if [[ $cur == -* ]]; then words='-h
--help
-V
--version'; else words='stripe
google
amazon
apple'; fi ;;
    'notif send stripe') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--url
--secret
--secret-file
--event
--data
--timestamp
--customer
--subscription
--livemode
--show-secret
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif send google') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--credentials
--impersonate-service-account
--project
--pubsub-api-base
--topic
--url
--type
--package
--notification-type
--purchase-token
--product
--order-id
--refund-type
--product-type
--subscription
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif send amazon') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--url
--type
--confirmation
--package
--app-user-id
--receipt-id
--beta
--wait
--callback-host
--callback-port
--public-url
--topic-arn
--signature-version
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif send apple') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--url
--bundle-id
--environment
--type
--commitment
--subtype
--v1
--password
--password-file
--product-id
--original-transaction-id
--transaction-id
--app-apple-id
--show-secret
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif verify') if [[ $cur == -* ]]; then words='-h
--help
-V
--version'; else words='amazon
apple
stripe'; fi ;;
    'notif verify amazon') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--message
--cert
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif verify apple') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--payload
--root
--bundle-id
--environment
--app-apple-id
-h
--help
-V
--version'; else words=''; fi ;;
    'notif verify stripe') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--payload
--header
--secret
--secret-file
--tolerance
--show-secret
-h
--help
-V
--version'; else words=''; fi ;;
    'notif rotate') if [[ $cur == -* ]]; then words='-h
--help
-V
--version'; else words='stripe'; fi ;;
    'notif rotate stripe') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--url
--track-new-purchases
--api-version
--secret-file
--show-secret
--wait
--interval
--abort
--confirmed
--subscription
--customer
--api-key
--api-key-file
--api-base
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif resend') if [[ $cur == -* ]]; then words='-h
--help
-V
--version'; else words='stripe'; fi ;;
    'notif resend stripe') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--url
--since
--dry-run
--track-new-purchases
--endpoint
--max
--api-key
--api-key-file
--api-base
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif listen') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--host
--port
--data-dir
--max-body
--stripe-secret
--stripe-secret-file
--track-new-purchases
--stripe-tolerance
--google-package
--google-audience
--google-push-account
--amazon-cert
--amazon-cert-url-prefix
--amazon-topic-arn
--apple-root
--apple-shared-secret
--apple-bundle-id
--forward-to
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif status') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--url
--data-dir
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif init') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--config
--force
--app
--stripe-url
--track-new-purchases
--apple-bundle-id
--apple-url
--google-topic
--google-project
--google-url
--google-push-url
--amazon-url
--max-silence
--discover
--api-key
--api-key-file
--api-base
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif plan') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--config
--app
--store
--exit-code
--concurrency
-h
--help
-V
--version'; else words=''; fi ;;
    'notif apply') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--config
--app
--store
-y
--yes
--secrets-file
--show-secrets
--concurrency
-h
--help
-V
--version'; else words=''; fi ;;
    'notif demo') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
--keep-data
--stripe-only
--timeout
-h
--help
-V
--version'; else words=''; fi ;;
    'notif completion') if [[ $cur == -* ]]; then words='--json
--no-color
--verbose
-h
--help
-V
--version'; else words='bash
zsh
fish
powershell'; fi ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _notif notif
