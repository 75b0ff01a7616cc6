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
    'notif check apple --environment')
      COMPREPLY=($(compgen -W 'production
sandbox' -- "$cur")); return ;;
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
    'notif send apple --environment')
      COMPREPLY=($(compgen -W 'production
sandbox' -- "$cur")); return ;;
    'notif verify apple --environment')
      COMPREPLY=($(compgen -W 'production
sandbox' -- "$cur")); return ;;
    'notif setup stripe --secret-file'|'notif setup stripe --api-key-file'|'notif setup google --credentials'|'notif setup apple --asc-key-file'|'notif check --config'|'notif check --junit'|'notif check stripe --secret-file'|'notif check stripe --api-key-file'|'notif check google --credentials'|'notif check apple --key-file'|'notif check apple --asc-key-file'|'notif send stripe --secret-file'|'notif send stripe --data'|'notif send google --credentials'|'notif send apple --password-file'|'notif verify amazon --message'|'notif verify amazon --cert'|'notif verify apple --root'|'notif verify stripe --secret-file'|'notif rotate stripe --secret-file'|'notif rotate stripe --api-key-file'|'notif resend stripe --api-key-file'|'notif listen --data-dir'|'notif listen --stripe-secret-file'|'notif listen --amazon-cert'|'notif listen --apple-root'|'notif status --data-dir'|'notif init --config'|'notif init --api-key-file'|'notif plan --config'|'notif apply --config'|'notif apply --secrets-file'|'notif demo --keep-data')
      compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    'notif setup stripe --url'|'notif setup stripe --keep'|'notif setup stripe --secret'|'notif setup stripe --api-version'|'notif setup stripe --api-key'|'notif setup stripe --api-base'|'notif setup stripe --timeout'|'notif setup google --impersonate-service-account'|'notif setup google --project'|'notif setup google --pubsub-api-base'|'notif setup google --topic'|'notif setup google --push-url'|'notif setup google --subscription'|'notif setup google --ack-deadline'|'notif setup google --retention'|'notif setup google --push-auth'|'notif setup google --push-audience'|'notif setup google --timeout'|'notif setup apple --bundle-id'|'notif setup apple --url'|'notif setup apple --sandbox-url'|'notif setup apple --version'|'notif setup apple --asc-key-id'|'notif setup apple --asc-issuer-id'|'notif setup apple --asc-api-base'|'notif setup apple --timeout'|'notif check --app'|'notif check --store'|'notif check --only'|'notif check --skip'|'notif check --fail-on'|'notif check --concurrency'|'notif check --timeout'|'notif check stripe --url'|'notif check stripe --secret'|'notif check stripe --subscription'|'notif check stripe --customer'|'notif check stripe --days'|'notif check stripe --app-user-id'|'notif check stripe --sample'|'notif check stripe --api-key'|'notif check stripe --api-base'|'notif check stripe --timeout'|'notif check google --impersonate-service-account'|'notif check google --project'|'notif check google --pubsub-api-base'|'notif check google --topic'|'notif check google --push-url'|'notif check google --push-auth'|'notif check google --days'|'notif check google --monitoring-api-base'|'notif check google --resourcemanager-api-base'|'notif check google --timeout'|'notif check amazon --url'|'notif check amazon --wait'|'notif check amazon --callback-host'|'notif check amazon --callback-port'|'notif check amazon --public-url'|'notif check amazon --topic-arn'|'notif check amazon --signature-version'|'notif check amazon --timeout'|'notif check apple --bundle-id'|'notif check apple --days'|'notif check apple --wait'|'notif check apple --url'|'notif check apple --key-id'|'notif check apple --issuer-id'|'notif check apple --api-base'|'notif check apple --sandbox-api-base'|'notif check apple --asc-key-id'|'notif check apple --asc-issuer-id'|'notif check apple --asc-api-base'|'notif check apple --timeout'|'notif send stripe --url'|'notif send stripe --secret'|'notif send stripe --event'|'notif send stripe --timestamp'|'notif send stripe --customer'|'notif send stripe --subscription'|'notif send stripe --timeout'|'notif send google --impersonate-service-account'|'notif send google --project'|'notif send google --pubsub-api-base'|'notif send google --topic'|'notif send google --url'|'notif send google --type'|'notif send google --package'|'notif send google --notification-type'|'notif send google --purchase-token'|'notif send google --product'|'notif send google --order-id'|'notif send google --refund-type'|'notif send google --product-type'|'notif send google --subscription'|'notif send google --timeout'|'notif send amazon --url'|'notif send amazon --package'|'notif send amazon --app-user-id'|'notif send amazon --receipt-id'|'notif send amazon --wait'|'notif send amazon --callback-host'|'notif send amazon --callback-port'|'notif send amazon --public-url'|'notif send amazon --topic-arn'|'notif send amazon --signature-version'|'notif send amazon --timeout'|'notif send apple --url'|'notif send apple --bundle-id'|'notif send apple --type'|'notif send apple --subtype'|'notif send apple --password'|'notif send apple --product-id'|'notif send apple --original-transaction-id'|'notif send apple --transaction-id'|'notif send apple --app-apple-id'|'notif send apple --timeout'|'notif verify amazon --timeout'|'notif verify apple --payload'|'notif verify apple --bundle-id'|'notif verify apple --app-apple-id'|'notif verify stripe --payload'|'notif verify stripe --header'|'notif verify stripe --secret'|'notif verify stripe --tolerance'|'notif rotate stripe --url'|'notif rotate stripe --api-version'|'notif rotate stripe --wait'|'notif rotate stripe --interval'|'notif rotate stripe --subscription'|'notif rotate stripe --customer'|'notif rotate stripe --api-key'|'notif rotate stripe --api-base'|'notif rotate stripe --timeout'|'notif resend stripe --url'|'notif resend stripe --since'|'notif resend stripe --endpoint'|'notif resend stripe --max'|'notif resend stripe --api-key'|'notif resend stripe --api-base'|'notif resend stripe --timeout'|'notif listen --host'|'notif listen --port'|'notif listen --max-body'|'notif listen --stripe-secret'|'notif listen --stripe-tolerance'|'notif listen --google-package'|'notif listen --google-audience'|'notif listen --google-push-account'|'notif listen --amazon-cert-url-prefix'|'notif listen --amazon-topic-arn'|'notif listen --apple-shared-secret'|'notif listen --apple-bundle-id'|'notif listen --forward-to'|'notif listen --timeout'|'notif status --url'|'notif status --timeout'|'notif init --app'|'notif init --stripe-url'|'notif init --apple-bundle-id'|'notif init --apple-url'|'notif init --google-topic'|'notif init --google-project'|'notif init --google-push-url'|'notif init --amazon-url'|'notif init --max-silence'|'notif init --api-key'|'notif init --api-base'|'notif init --timeout'|'notif plan --app'|'notif plan --store'|'notif plan --concurrency'|'notif apply --app'|'notif apply --store'|'notif apply --concurrency'|'notif demo --timeout')
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
--version'; else words=''; fi ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _notif notif
