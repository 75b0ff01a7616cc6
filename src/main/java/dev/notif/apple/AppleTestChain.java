package dev.notif.apple;

import dev.notif.core.NotifException;
import dev.notif.core.Pem;
import dev.notif.core.SecretFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * notif's own three-level signing chain for {@code send apple}: a root, an intermediate carrying Apple's WWDR marker
 * extension (1.2.840.113635.100.6.2.1) and a leaf carrying Apple's receipt-signer marker (1.2.840.113635.100.6.11.1),
 * so Apple's own verifier accepts what the leaf signs once it is told to trust this root. Generated once under
 * notif's configuration directory ({@code apple-test-chain/}, private keys 0600) and reused, so a receiver can be
 * pointed at {@code root.pem} for good. It is not Apple's chain: a backend that trusts only Apple Root CA G3 rejects
 * it, by design.
 */
public final class AppleTestChain {
    public static final String DIR = "apple-test-chain";
    public static final String LEAF_MARKER = "1.2.840.113635.100.6.11.1";
    public static final String INTERMEDIATE_MARKER = "1.2.840.113635.100.6.2.1";
    static final Duration CA_VALIDITY = Duration.ofDays(20 * 365);
    static final Duration LEAF_VALIDITY = Duration.ofDays(10 * 365);
    /** Certificates start this long before their creation, so payloads dated a little in the past verify too. */
    static final Duration BACKDATE = Duration.ofDays(400);

    private final Path dir;
    private final X509Certificate root;
    private final X509Certificate intermediate;
    private final X509Certificate leaf;
    private final PrivateKey leafKey;
    private final boolean created;

    private AppleTestChain(Path dir, X509Certificate root, X509Certificate intermediate, X509Certificate leaf,
                           PrivateKey leafKey, boolean created) {
        this.dir = dir;
        this.root = root;
        this.intermediate = intermediate;
        this.leaf = leaf;
        this.leafKey = leafKey;
        this.created = created;
    }

    /** The chain under {@code configDir}, created on first use or when it is unusable (missing, damaged, expired). */
    public static AppleTestChain loadOrCreate(Path configDir, Clock clock) {
        Path dir = configDir.resolve(DIR);
        Instant now = clock.instant();
        AppleTestChain existing = load(dir, now);
        if (existing != null) {
            return existing;
        }
        Path tmp = configDir.resolve("." + DIR + ".tmp-" + Long.toHexString(new SecureRandom().nextLong()));
        try {
            Maker.create(tmp, now);
            if (Files.exists(dir)) {
                Path old = configDir.resolve("." + DIR + ".old-" + Long.toHexString(new SecureRandom().nextLong()));
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                deleteTree(tmp); // another notif created it at the same moment: use that one
            }
        } catch (IOException e) {
            throw NotifException.usage("cannot write the Apple test chain under " + configDir + ": " + e.getMessage(),
                "make notif's configuration directory writable or point NOTIF_CONFIG_DIR elsewhere");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the Apple test chain: " + e.getMessage(), e);
        }
        AppleTestChain chain = load(dir, now);
        if (chain == null) {
            throw NotifException.usage("the Apple test chain under " + dir + " cannot be read back",
                "delete " + dir + " and run the command again");
        }
        return new AppleTestChain(chain.dir, chain.root, chain.intermediate, chain.leaf, chain.leafKey, true);
    }

    /** Whether this run generated the chain (a receiver must be told to trust the new root). */
    public boolean created() {
        return created;
    }

    public Path dir() {
        return dir;
    }

    /** The root certificate in PEM: what a receiver must trust ({@code notif listen --apple-root}). */
    public Path rootPem() {
        return dir.resolve("root.pem");
    }

    public Path rootDer() {
        return dir.resolve("root.der");
    }

    public X509Certificate root() {
        return root;
    }

    public PrivateKey leafKey() {
        return leafKey;
    }

    /** The {@code x5c} header: leaf, intermediate, root, each base64 DER (not URL-safe), as Apple sends them. */
    public List<String> x5c() {
        try {
            return List.of(b64(leaf), b64(intermediate), b64(root));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(X509Certificate c) throws CertificateEncodingException {
        return Base64.getEncoder().encodeToString(c.getEncoded());
    }

    private static AppleTestChain load(Path dir, Instant now) {
        try {
            X509Certificate root = cert(dir.resolve("root.pem"));
            X509Certificate intermediate = cert(dir.resolve("intermediate.pem"));
            X509Certificate leaf = cert(dir.resolve("leaf.pem"));
            PrivateKey leafKey = key(dir.resolve("leaf.key.pem"));
            Date at = Date.from(now);
            for (X509Certificate c : List.of(root, intermediate, leaf)) {
                c.checkValidity(at);
            }
            leaf.verify(intermediate.getPublicKey());
            intermediate.verify(root.getPublicKey());
            return new AppleTestChain(dir, root, intermediate, leaf, leafKey, false);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Making a chain, with BouncyCastle's certificate builder. A class of its own so that loading a chain that is there
     * (every send apple after the first) needs none of BouncyCastle's classes: its jars are signed, and the first class
     * taken from one has the JVM verify that jar's signature (about 150 ms of CPU per jar).
     */
    private static final class Maker {
        private Maker() {
        }

        static void create(Path dir, Instant now) throws IOException, GeneralSecurityException {
            try {
                write(dir, now);
            } catch (OperatorCreationException e) {
                throw new GeneralSecurityException(e.getMessage(), e);
            }
        }

        private static void write(Path dir, Instant now) throws IOException, GeneralSecurityException,
            OperatorCreationException {
            Files.createDirectories(dir);
            KeyPair rootKeys = generate();
            KeyPair intermediateKeys = generate();
            KeyPair leafKeys = generate();
            Instant from = now.minus(BACKDATE);
            X500Name rootName = new X500Name("CN=notif test root (not Apple),O=notif,OU=notif send apple");
            X500Name intermediateName =
                new X500Name("CN=notif test intermediate (not Apple WWDR),O=notif,OU=notif send apple");
            X500Name leafName = new X500Name("CN=notif test signer (not Apple),O=notif,OU=notif send apple");

            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder r = builder(rootName, rootName, from, now.plus(CA_VALIDITY), rootKeys)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                    ext.createSubjectKeyIdentifier(rootKeys.getPublic()));
            X509Certificate root = sign(r, rootKeys.getPrivate());

            X509v3CertificateBuilder i =
                builder(rootName, intermediateName, from, now.plus(CA_VALIDITY), intermediateKeys)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                    ext.createSubjectKeyIdentifier(intermediateKeys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(root))
                .addExtension(new ASN1ObjectIdentifier(INTERMEDIATE_MARKER), false, DERNull.INSTANCE);
            X509Certificate intermediate = sign(i, rootKeys.getPrivate());

            X509v3CertificateBuilder l = builder(intermediateName, leafName, from, now.plus(LEAF_VALIDITY), leafKeys)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.subjectKeyIdentifier, false,
                    ext.createSubjectKeyIdentifier(leafKeys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(intermediate))
                .addExtension(new ASN1ObjectIdentifier(LEAF_MARKER), false, DERNull.INSTANCE);
            X509Certificate leaf = sign(l, intermediateKeys.getPrivate());

            Files.writeString(dir.resolve("root.pem"), Pem.encode("CERTIFICATE", root.getEncoded()));
            Files.write(dir.resolve("root.der"), root.getEncoded());
            Files.writeString(dir.resolve("intermediate.pem"),
                Pem.encode("CERTIFICATE", intermediate.getEncoded()));
            Files.writeString(dir.resolve("leaf.pem"), Pem.encode("CERTIFICATE", leaf.getEncoded()));
            SecretFiles.write(dir.resolve("root.key.pem"),
                Pem.encode("PRIVATE KEY", rootKeys.getPrivate().getEncoded()));
            SecretFiles.write(dir.resolve("intermediate.key.pem"),
                Pem.encode("PRIVATE KEY", intermediateKeys.getPrivate().getEncoded()));
            SecretFiles.write(dir.resolve("leaf.key.pem"),
                Pem.encode("PRIVATE KEY", leafKeys.getPrivate().getEncoded()));
            Files.writeString(dir.resolve("README.txt"), "notif's test signing chain for 'notif send apple'.\n"
                + "It is NOT Apple's: receivers that trust Apple Root CA G3 reject what it signs, by design.\n"
                + "To test a receiver you control, make it trust root.pem (or root.der), e.g. notif listen --apple-root "
                + dir.getParent().resolve(DIR).resolve("root.pem") + "\n");
        }

        private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, Instant from, Instant to,
                                                        KeyPair keys) {
            BigInteger serial = new BigInteger(64, new SecureRandom()).setBit(63);
            return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(to), subject,
                keys.getPublic());
        }

        private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws OperatorCreationException, CertificateException {
            return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        }

        private static KeyPair generate() throws GeneralSecurityException {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        }
    }

    private static X509Certificate cert(Path file) throws IOException, CertificateException {
        return Pem.certificate(Files.readAllBytes(file));
    }

    private static PrivateKey key(Path file) throws IOException, GeneralSecurityException {
        byte[] der = Pem.decode(Files.readString(file, StandardCharsets.UTF_8), "PRIVATE KEY");
        if (der == null) {
            throw new IOException(file + " holds no private key");
        }
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
