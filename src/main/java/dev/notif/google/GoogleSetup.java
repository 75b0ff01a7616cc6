package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.NotifException;
import dev.notif.core.Progress;
import dev.notif.core.RetryPolicy;
import dev.notif.google.GoogleErrors.Step;
import dev.notif.output.PlanAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code notif setup google}: read the topic, its IAM policy and its subscriptions; plan; apply unless dry-run.
 * The publisher binding is a read-modify-write with the policy's etag, redone when someone changed the policy
 * meanwhile; every other binding is kept.
 */
public final class GoogleSetup {
    static final String TOPIC = "topic";
    static final String PUBLISHER = "publisher binding";
    static final String SUBSCRIPTION = "push subscription";

    private final GoogleAccess access;
    private final RetryPolicy retry;
    private final Consumer<String> progress;

    public GoogleSetup(GoogleAccess access, RetryPolicy retry, Consumer<String> progress) {
        this.access = access;
        this.retry = retry;
        this.progress = progress;
    }

    /** {@code push} null: no subscription is managed. */
    public SetupGoogleResult run(GoogleNames.Topic topic, PushSettings push, String subscriptionId, boolean dryRun) {
        PubSub pubsub = access.pubsub();
        String project = topic.project();
        boolean topicExists = call(Step.READ_TOPIC, project, () -> pubsub.topic(topic)).isPresent();
        List<PlanAction> actions = new ArrayList<>();

        if (topicExists) {
            actions.add(action("none", TOPIC, topic.full(), List.of("exists"), true, null, null));
        } else if (dryRun) {
            actions.add(action("create", TOPIC, topic.full(), List.of(), false, null, null));
        } else {
            call(Step.CREATE_TOPIC, project, () -> pubsub.createTopic(topic));
            progress.accept("created topic " + topic.full());
            actions.add(action("create", TOPIC, topic.full(), List.of(), true, null, null));
        }

        actions.add(publisher(topic, topicExists, dryRun));

        if (push != null) {
            actions.add(subscription(topic, topicExists, push, subscriptionId, dryRun));
        }
        boolean ok = actions.stream().noneMatch(PlanAction::hasFailed);
        return new SetupGoogleResult(ok, "google", dryRun, project, topic.full(), access.principal(), actions,
            SetupGoogleResult.PlayConsole.of(topic.full()));
    }

    private PlanAction publisher(GoogleNames.Topic topic, boolean topicExists, boolean dryRun) {
        String who = PublisherBinding.MEMBER + " as " + PublisherBinding.ROLE;
        if (access.emulator()) {
            return action("skip", PUBLISHER, who, List.of("the Pub/Sub emulator does not implement IAM"), false, null,
                null);
        }
        if (dryRun && !topicExists) {
            return action("create", PUBLISHER, who, List.of(), false, null, null);
        }
        PubSub pubsub = access.pubsub();
        for (int attempt = 1; ; attempt++) {
            JsonNode policy = call(Step.READ_POLICY, topic.project(), () -> pubsub.topicPolicy(topic));
            PublisherBinding.Grant grant = PublisherBinding.find(policy);
            if (grant.granted()) {
                List<String> note = List.of(grant.role().equals(PublisherBinding.ROLE) ? "already granted"
                    : "already granted through " + grant.role());
                return action("none", PUBLISHER, who, note, true, null, null);
            }
            List<String> changes = grant.conditional()
                ? List.of("only a conditional grant exists (" + grant.role() + "); adding an unconditional one")
                : policy.path("bindings").isEmpty() ? List.of("the policy had no binding")
                : List.of("keeps the policy's other " + policy.path("bindings").size() + " binding(s)");
            if (dryRun) {
                return action("update", PUBLISHER, who, changes, false, null, null);
            }
            try {
                pubsub.setTopicPolicy(topic, PublisherBinding.withPublisher(policy));
                progress.accept("granted " + PublisherBinding.ROLE + " on " + topic.full() + " to "
                    + PublisherBinding.PLAY_ACCOUNT);
                return action("update", PUBLISHER, who, changes, true, null, null);
            } catch (GoogleApiException e) {
                if (e.concurrentChange() && attempt < retry.maxAttempts()) {
                    pause(attempt, "setting the IAM policy of " + topic.full());
                    continue;
                }
                if (e.domainRestricted()) {
                    return action("update", PUBLISHER, who, changes, false, domainRestrictedCause(e),
                        domainRestrictedFix(topic.project()));
                }
                throw GoogleErrors.explain(e, Step.SET_POLICY, access, topic.project());
            }
        }
    }

    static String domainRestrictedCause(GoogleApiException e) {
        return "the organisation policy \"Domain restricted sharing\" (constraints/iam.allowedPolicyMemberDomains)"
            + " refuses members outside your organisation, and Google Play's account is one: " + e.getMessage();
    }

    static String domainRestrictedFix(String project) {
        return "an organisation policy administrator overrides the constraint for this project alone (Organization"
            + " policies > Domain restricted sharing > Manage policy > Override parent's policy > Allow all; or gcloud"
            + " org-policies set-policy with a rule allowAll: true for projects/" + project
            + "/policies/iam.allowedPolicyMemberDomains), reruns notif setup google, then removes the override"
            + " (gcloud org-policies delete iam.allowedPolicyMemberDomains --project " + project + "): the constraint"
            + " is not retroactive, so the binding stays. Under the managed constraint iam.managed.allowedPolicyMembers,"
            + " add " + PublisherBinding.MEMBER + " to its allowed member subjects instead. See docs/guides/google.md";
    }

    private PlanAction subscription(GoogleNames.Topic topic, boolean topicExists, PushSettings push, String requestedId,
                                boolean dryRun) {
        PubSub pubsub = access.pubsub();
        Map<String, JsonNode> existing = new LinkedHashMap<>();
        if (topicExists) {
            for (String name : call(Step.LIST_SUBSCRIPTIONS, topic.project(), () -> pubsub.topicSubscriptions(topic))) {
                call(Step.READ_SUBSCRIPTION, topic.project(), () -> pubsub.subscription(name))
                    .ifPresent(s -> existing.put(name, s));
            }
        }
        String wantedName = topic.subscription(requestedId != null ? requestedId : SubscriptionPlan.defaultId(topic));
        JsonNode named = existing.containsKey(wantedName) ? null
            : call(Step.READ_SUBSCRIPTION, topic.project(), () -> pubsub.subscription(wantedName)).orElse(null);
        SubscriptionPlan plan = SubscriptionPlan.plan(topic, existing, requestedId, named, push);
        if (dryRun || SubscriptionPlan.NONE.equals(plan.action())) {
            List<String> changes = SubscriptionPlan.NONE.equals(plan.action())
                ? List.of("pushes to " + push.endpoint() + ", nothing to change") : plan.changes();
            return action(plan.action(), SUBSCRIPTION, plan.name(), changes, !dryRun, null, null);
        }
        if (SubscriptionPlan.CREATE.equals(plan.action())) {
            call(Step.WRITE_SUBSCRIPTION, topic.project(), () -> createSubscription(plan));
            progress.accept("created subscription " + plan.name() + " pushing to " + push.endpoint());
        } else {
            call(Step.WRITE_SUBSCRIPTION, topic.project(),
                () -> pubsub.updateSubscription(plan.name(), plan.fields(), plan.mask()));
            progress.accept("updated subscription " + plan.name() + ": " + String.join("; ", plan.changes()));
        }
        return action(plan.action(), SUBSCRIPTION, plan.name(), plan.changes(), true, null, null);
    }

    private JsonNode createSubscription(SubscriptionPlan plan) {
        try {
            return access.pubsub().createSubscription(plan.name(), plan.fields());
        } catch (GoogleApiException e) {
            if (e.is("INVALID_ARGUMENT") && e.getMessage().toLowerCase(Locale.ROOT).contains("endpoint")) {
                throw NotifException.usage("Pub/Sub refused the push endpoint: " + e.getMessage(), "the endpoint must be"
                    + " a public https:// URL with a certificate from a public CA");
            }
            throw e;
        }
    }

    private <T> T call(Step step, String project, Supplier<T> call) {
        try {
            return call.get();
        } catch (GoogleApiException e) {
            throw GoogleErrors.explain(e, step, access, project);
        }
    }

    /** The backoff before the policy is read and written again, shown as {@link Progress#retrying}. */
    private void pause(int attempt, String what) {
        Duration delay = retry.delay(attempt, null);
        try (Progress.Wait shown = retry.progress().retrying(what, "the policy changed meanwhile (etag)", attempt + 1,
            retry.maxAttempts(), delay)) {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NotifException.unavailable("interrupted", "rerun the command", e);
        }
    }

    /** {@code applied}: the resource is as planned once the run ends; cause and fix when that step failed. */
    private static PlanAction action(String action, String resource, String name, List<String> changes, boolean applied,
                                     String cause, String fix) {
        return new PlanAction(action, resource, name, changes, null, applied, cause, fix, null);
    }
}
