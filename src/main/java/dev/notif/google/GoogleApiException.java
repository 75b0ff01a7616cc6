package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.ExitCode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Google API's error answer, parsed from its {@code google.rpc.Status} JSON:
 * {@code {"error": {"code": 403, "message", "status": "PERMISSION_DENIED", "details": [...]}}}.
 * {@code reason} comes from an {@code ErrorInfo} detail (e.g. SERVICE_DISABLED), {@code violations} from a
 * {@code PreconditionFailure} (e.g. constraints/iam.allowedPolicyMemberDomains). Its exit code follows the
 * contract (401/403: 3, 400: 2, anything else: 4) for callers that have nothing better to say.
 */
public final class GoogleApiException extends NotifException {
    private final int httpStatus;
    private final String status;
    private final String reason;
    private final String activationUrl;
    private final List<String> violations;

    GoogleApiException(int httpStatus, String status, String message, String reason, String activationUrl,
                       List<String> violations) {
        super(exitCode(httpStatus), message, hint(httpStatus, reason, activationUrl));
        this.httpStatus = httpStatus;
        this.status = status;
        this.reason = reason;
        this.activationUrl = activationUrl;
        this.violations = List.copyOf(violations);
    }

    public static GoogleApiException parse(int httpStatus, String body) {
        JsonNode root = Json.parseOrNull(body);
        JsonNode error = root == null ? null : root.get("error");
        if (error == null || !error.isObject()) {
            String text = body == null || body.isBlank() ? "HTTP " + httpStatus : body.strip();
            return new GoogleApiException(httpStatus, null, text.length() > 300 ? text.substring(0, 300) : text, null,
                null, List.of());
        }
        String reason = null;
        String activation = null;
        List<String> violations = new ArrayList<>();
        for (JsonNode detail : error.path("details")) {
            String type = Json.text(detail, "@type");
            if (type != null && type.endsWith("google.rpc.ErrorInfo")) {
                reason = Json.text(detail, "reason");
                activation = Json.text(detail.path("metadata"), "activationUrl");
            } else if (type != null && type.endsWith("google.rpc.PreconditionFailure")) {
                for (JsonNode v : detail.path("violations")) {
                    violations.add(Json.text(v, "type"));
                }
            }
        }
        String message = Json.text(error, "message");
        return new GoogleApiException(httpStatus, Json.text(error, "status"), message == null ? "HTTP " + httpStatus
            : message, reason, activation, violations);
    }

    private static int exitCode(int httpStatus) {
        if (httpStatus == 401 || httpStatus == 403) {
            return ExitCode.CREDENTIALS;
        }
        return httpStatus == 400 ? ExitCode.USAGE : ExitCode.UNAVAILABLE;
    }

    private static String hint(int httpStatus, String reason, String activationUrl) {
        if ("SERVICE_DISABLED".equals(reason)) {
            return "enable the API in the project the credentials belong to"
                + (activationUrl == null ? "" : ": " + activationUrl) + ", wait a minute, then retry";
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return "grant the service account the role the message names, or use another key";
        }
        return httpStatus == 400 ? "check the values passed to notif" : "retry later; see https://status.cloud.google.com";
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The canonical status word (PERMISSION_DENIED, NOT_FOUND, ALREADY_EXISTS, ABORTED, FAILED_PRECONDITION...). */
    public String status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public boolean is(String canonical) {
        return canonical.equals(status);
    }

    public boolean notFound() {
        return httpStatus == 404 || is("NOT_FOUND");
    }

    public boolean permissionDenied() {
        return httpStatus == 403 || is("PERMISSION_DENIED");
    }

    /** The API is not enabled in the project that the credentials bill to. */
    public boolean serviceDisabled() {
        return "SERVICE_DISABLED".equals(reason) || getMessage().contains("has not been used in project")
            || getMessage().contains("it is disabled");
    }

    public String activationUrl() {
        return activationUrl;
    }

    /** The organisation policy "Domain restricted sharing" refused a member of an IAM policy. */
    public boolean domainRestricted() {
        return violations.stream().anyMatch(v -> v != null && v.contains("allowedPolicyMember"))
            || getMessage().contains("do not belong to a permitted customer");
    }

    /** The emulator (or an API) does not implement the method. */
    public boolean unimplemented() {
        return httpStatus == 501 || is("UNIMPLEMENTED");
    }

    /** A read-modify-write lost the race: the etag no longer matches. */
    public boolean concurrentChange() {
        return httpStatus == 409 && !is("ALREADY_EXISTS") || is("ABORTED");
    }
}
