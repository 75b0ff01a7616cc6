package dev.notif.apple;

import dev.notif.core.Inputs;
import dev.notif.core.NotifException;
import dev.notif.core.Pem;
import dev.notif.core.Shared;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An Apple API key: the {@code .p8} file (an EC P-256 private key in PKCS#8 PEM), its key id and the issuer id of
 * the team. Loaded and checked cheaply before any network call, so a wrong file or a pasted id says so at once.
 * Two kinds exist and they are not interchangeable: {@link Kind#IAP} (App Store Server API) and {@link Kind#ASC}
 * (App Store Connect API team key).
 */
public record AppleKey(Kind kind, Path file, ECPrivateKey privateKey, String keyId, String issuerId) {
    private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{10}");
    private static final Pattern ISSUER_ID = Pattern.compile(
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** The order of the P-256 group: a key on another curve does not have it. */
    private static final BigInteger P256_ORDER =
        new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    /** Which API a key is for, with its flags, environment variables and where it is created. */
    public enum Kind {
        IAP("In-App Purchase key (App Store Server API)", "--key-file", "APPLE_IAP_KEY_FILE", "--key-id",
            "APPLE_IAP_KEY_ID", "--issuer-id", "APPLE_ISSUER_ID",
            "create one in App Store Connect > Users and Access > Integrations > In-App Purchase (a SubscriptionKey_"
                + "<KEYID>.p8 file); the App Store Connect API team key (ASC_*) does not work with this API"),
        ASC("App Store Connect API team key", "--asc-key-file", "ASC_KEY_FILE", "--asc-key-id", "ASC_KEY_ID",
            "--asc-issuer-id", "ASC_ISSUER_ID",
            "create one in App Store Connect > Users and Access > Integrations > App Store Connect API > Team Keys with"
                + " the App Manager or Admin role (an AuthKey_<KEYID>.p8 file); the In-App Purchase key (APPLE_IAP_*)"
                + " does not work with this API");

        final String label;
        final String fileFlag;
        final String fileEnv;
        final String idFlag;
        final String idEnv;
        final String issuerFlag;
        final String issuerEnv;
        final String where;

        Kind(String label, String fileFlag, String fileEnv, String idFlag, String idEnv, String issuerFlag,
             String issuerEnv, String where) {
            this.label = label;
            this.fileFlag = fileFlag;
            this.fileEnv = fileEnv;
            this.idFlag = idFlag;
            this.idEnv = idEnv;
            this.issuerFlag = issuerFlag;
            this.issuerEnv = issuerEnv;
            this.where = where;
        }

        public String label() {
            return label;
        }

        /** Where to create this kind of key, and which one not to confuse it with. */
        public String where() {
            return where;
        }

        public String fileEnv() {
            return fileEnv;
        }

        public String idEnv() {
            return idEnv;
        }

        public String issuerEnv() {
            return issuerEnv;
        }
    }

    /**
     * Loads a key from flag values (already defaulted from the environment by the caller). {@code purpose} names
     * the command ("check apple"). Missing values or an unusable file: exit 3; malformed ids: exit 2.
     */
    public static AppleKey load(Kind kind, String purpose, String file, String keyId, String issuerId) {
        return load(kind, purpose, file, keyId, issuerId, null);
    }

    /**
     * As {@link #load(Kind, String, String, String, String)}; {@code shared}, the process's (null: none), keeps the
     * private key of each file content parsed: the file is read each time (an edit, a removal is seen, and a refusal
     * is each caller's), a content already parsed is not parsed again (a run's apps share their team's keys).
     */
    public static AppleKey load(Kind kind, String purpose, String file, String keyId, String issuerId, Shared shared) {
        List<String> missing = new ArrayList<>(); // option, variable: as Inputs.missing names them
        if (blank(file)) {
            missing.addAll(List.of(kind.fileFlag, kind.fileEnv));
        }
        if (blank(keyId)) {
            missing.addAll(List.of(kind.idFlag, kind.idEnv));
        }
        if (blank(issuerId)) {
            missing.addAll(List.of(kind.issuerFlag, kind.issuerEnv));
        }
        if (!missing.isEmpty()) {
            throw NotifException.credentials(purpose + " needs an " + kind.label + ": missing "
                + Inputs.missing(missing.toArray(String[]::new)), kind.where);
        }
        String id = keyId.strip();
        if (!KEY_ID.matcher(id).matches()) {
            throw NotifException.usage(given(kind.idFlag, keyId) + " is not an Apple key id (10 capital letters and"
                + " digits, as in the file name " + (kind == Kind.IAP ? "SubscriptionKey_" : "AuthKey_")
                + "<KEYID>.p8)", "copy the Key ID shown next to the key in App Store Connect");
        }
        String issuer = issuerId.strip().toLowerCase(Locale.ROOT);
        if (!ISSUER_ID.matcher(issuer).matches()) {
            throw NotifException.usage(given(kind.issuerFlag, issuerId) + " is not an issuer id (a UUID such as"
                + " 57246542-96fe-1a63-e053-0824d011072a)", "copy the Issuer ID shown above the keys in App Store Connect"
                + " > Users and Access > Integrations");
        }
        Path path = Path.of(file.strip());
        String text = read(kind, path);
        ECPrivateKey key = shared == null ? parse(kind, path, text, id)
            : shared.get(Parsed.class, Parsed::new).byText.computeIfAbsent(text, t -> parse(kind, path, t, id));
        return new AppleKey(kind, path, key, id, issuer);
    }

    /**
     * A value as it was given: {@code --key-id 'X'} on the command line, {@code key_id 'X' in [app.apple] of app "ios"
     * in notif.toml} in a run over the file (which reads no flag).
     */
    private static String given(String option, String value) {
        Inputs.File f = Inputs.file();
        return f == null ? option + " '" + value + "'" : Inputs.key(option) + " '" + value + "' in " + f.table();
    }

    /** The process's private keys by the text of their file (a refusal is not kept: it names each caller's file). */
    private static final class Parsed {
        final Map<String, ECPrivateKey> byText = new ConcurrentHashMap<>();
    }

    private static String read(Kind kind, Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw NotifException.credentials("the " + kind.label + " file " + path + " does not exist",
                "pass the path of the .p8 file downloaded from App Store Connect (" + kind.fileFlag + " or "
                    + kind.fileEnv + ")");
        } catch (IOException e) {
            throw NotifException.credentials("cannot read the " + kind.label + " file " + path + ": " + e.getMessage(),
                "check the path and its permissions");
        }
    }

    private static ECPrivateKey parse(Kind kind, Path path, String text, String keyId) {
        String what = "the " + kind.label + " file " + path;
        if (text.contains("BEGIN EC PRIVATE KEY")) {
            throw NotifException.credentials(what + " holds a SEC1 EC key, not the PKCS#8 key App Store Connect issues",
                "use the .p8 file as downloaded, or convert: openssl pkcs8 -topk8 -nocrypt -in KEY.pem -out KEY.p8");
        }
        if (!text.contains("-----BEGIN PRIVATE KEY-----") || !text.contains("-----END PRIVATE KEY-----")) {
            throw NotifException.credentials(what + " is not a .p8 private key (no BEGIN PRIVATE KEY block)",
                "pass the .p8 file downloaded from App Store Connect for key " + keyId);
        }
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                Pem.decode(text, "PRIVATE KEY")));
            if (key instanceof ECPrivateKey ec && ec.getParams().getOrder().equals(P256_ORDER)) {
                return ec;
            }
            throw NotifException.credentials(what + " is an EC key on another curve; Apple keys are P-256",
                "pass the .p8 file downloaded from App Store Connect for key " + keyId);
        } catch (IllegalArgumentException e) {
            throw NotifException.credentials(what + " does not hold an EC P-256 private key (the text between its BEGIN"
                + " and END lines is not valid base64)", "pass the .p8 file downloaded from App Store Connect for key "
                + keyId + ", unmodified");
        } catch (GeneralSecurityException e) {
            throw NotifException.credentials(what + " does not hold an EC P-256 private key (its bytes are not a PKCS#8"
                + " EC key: damaged, cut or edited)", "pass the .p8 file downloaded from App Store Connect for key "
                + keyId + ", unmodified");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "AppleKey[" + kind + ", " + keyId + ", " + file + "]";
    }
}
