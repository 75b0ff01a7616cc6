package dev.notif.cli;

import dev.notif.apple.AppleNotificationTypes;
import dev.notif.google.DeveloperNotification;
import dev.notif.stripe.StripeEvents;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The values shell completion offers for the options users type most (picocli's {@code completionCandidates}; the
 * scripts in completions/ are generated from them). Each list is read from the store's own rules, and only when the
 * scripts are generated: picocli makes these objects while it builds a command, so none loads a store class then.
 */
final class Candidates {
    private Candidates() {
    }

    /** {@code send stripe --event}: every event type Stripe's API knows, the accepted ones among them. */
    static final class StripeEventTypes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return StripeEvents.known().iterator();
        }
    }

    /** {@code send apple --type}: the V2 types, then the V1 ones that V2 does not have. */
    static final class AppleTypes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return AppleNotificationTypes.all().iterator();
        }
    }

    /** {@code send apple --subtype}: every V2 subtype. */
    static final class AppleSubtypes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return AppleNotificationTypes.subtypes().iterator();
        }
    }

    /** {@code send google --type}: the kinds of DeveloperNotification. */
    static final class GoogleKinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(DeveloperNotification.Kind.values()).map(k -> k.word).iterator();
        }
    }

    /** {@code setup apple --version}: App Store Server Notifications versions. */
    static final class NotificationVersions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("V1", "V2").iterator();
        }
    }

    /** Amazon's {@code --signature-version}: SNS's SignatureVersion. */
    static final class SignatureVersions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("1", "2").iterator();
        }
    }
}
