package com.nexustrade.auth.keys;

import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The key files of one deployment, in one directory:
 * <ul>
 *   <li>{@code signing-key.pem}: the active ES256 private key, PKCS#8 PEM (what {@code openssl genpkey} writes);</li>
 *   <li>{@code previous-*.pem}: retired keys still accepted until their tokens expire (public or private PEM);</li>
 *   <li>{@code seal.key}: 32 random bytes, base64, the AES key of grace-window successors.</li>
 * </ul>
 * Instances that share a database must share these files; a single embedded instance may let them be generated.
 */
public final class KeyDirectory {

    public static final String SIGNING_KEY_FILE = "signing-key.pem";
    public static final String SEAL_KEY_FILE = "seal.key";
    private static final Logger LOG = LoggerFactory.getLogger(KeyDirectory.class);

    private final Path directory;
    private final boolean generateIfMissing;
    private final String signingKeyPem;
    private final String sealKeyBase64;

    /**
     * @param signingKeyPem the active key as PEM text, or blank to use {@code signing-key.pem} in the directory
     * @param sealKeyBase64 the seal key as base64, or blank to use {@code seal.key} in the directory
     */
    public KeyDirectory(Path directory, boolean generateIfMissing, String signingKeyPem, String sealKeyBase64) {
        this.directory = directory;
        this.generateIfMissing = generateIfMissing;
        this.signingKeyPem = signingKeyPem;
        this.sealKeyBase64 = sealKeyBase64;
    }

    public KeyRing loadKeyRing() {
        SigningKey active;
        if (signingKeyPem.isBlank()) {
            Path file = directory.resolve(SIGNING_KEY_FILE);
            ensurePresent(file, () -> pem("PRIVATE KEY", newEcKeyPair().getPrivate().getEncoded()));
            active = readKey(file.toString(), read(file));
        } else {
            active = readKey("keys.signingKeyPem", signingKeyPem);
        }
        return new KeyRing(active, retiredKeys());
    }

    private List<SigningKey> retiredKeys() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<SigningKey> retired = new ArrayList<>();
        try (DirectoryStream<Path> previous = Files.newDirectoryStream(directory, "previous-*.pem")) {
            for (Path file : previous) {
                retired.add(readKey(file.toString(), read(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return retired;
    }

    public SecretKey loadSealKey() {
        String source = "keys.sealKey";
        String base64 = sealKeyBase64;
        if (base64.isBlank()) {
            Path file = directory.resolve(SEAL_KEY_FILE);
            ensurePresent(file, () -> {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                return Base64.getEncoder().encodeToString(key) + "\n";
            });
            source = file.toString();
            base64 = read(file);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException(source + " must hold 32 bytes in base64 (AES-256)");
        }
        return new SecretKeySpec(key, "AES");
    }

    private void ensurePresent(Path file, java.util.function.Supplier<String> generator) {
        if (Files.exists(file)) {
            return;
        }
        if (!generateIfMissing) {
            throw new IllegalStateException("key file " + file + " is missing and keys.generateIfMissing is false");
        }
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, ".new-", ".tmp");
            setOwnerOnly(temp);
            Files.writeString(temp, generator.get(), StandardCharsets.US_ASCII);
            try {
                // Atomic create-if-absent: two instances starting at once on one directory keep one key.
                Files.createLink(file, temp);
                LOG.warn("Generated {}: fine for one embedded instance; share it across instances", file);
            } catch (FileAlreadyExistsException raced) {
                LOG.info("Key file {} was created concurrently; using it", file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    private static void setOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system (Windows): the key file keeps the directory's permissions. Say so where an
            // operator will see it, since the file holds a private key.
            LOG.warn("Cannot restrict {} to its owner: the file system has no POSIX permissions; restrict it by hand", file);
        }
    }

    static SigningKey readKey(String source, String text) {
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            if (text.contains("-----BEGIN PRIVATE KEY-----")) {
                ECPrivateKey privateKey = (ECPrivateKey) ec.generatePrivate(
                        new PKCS8EncodedKeySpec(pemBody(text, "PRIVATE KEY")));
                return SigningKey.ofPair(publicKeyOf(privateKey), privateKey);
            }
            if (text.contains("-----BEGIN PUBLIC KEY-----")) {
                return SigningKey.verifyOnly((ECPublicKey) ec.generatePublic(
                        new X509EncodedKeySpec(pemBody(text, "PUBLIC KEY"))));
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(source + " is not a P-256 EC key in PEM: " + e.getMessage(), e);
        }
        throw new IllegalStateException(source + " holds neither a PRIVATE KEY nor a PUBLIC KEY PEM block");
    }

    /** Q = d·G: an operator supplies only the private key, as openssl writes it. */
    static ECPublicKey publicKeyOf(ECPrivateKey privateKey) throws GeneralSecurityException {
        ECNamedCurveParameterSpec p256 = ECNamedCurveTable.getParameterSpec("secp256r1");
        org.bouncycastle.math.ec.ECPoint q = p256.getG().multiply(privateKey.getS()).normalize();
        ECPoint point = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, privateKey.getParams()));
    }

    public static KeyPair newEcKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation is required of every JVM", e);
        }
    }

    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(String text, String type) {
        int start = text.indexOf("-----BEGIN " + type + "-----") + ("-----BEGIN " + type + "-----").length();
        int end = text.indexOf("-----END " + type + "-----");
        return Base64.getMimeDecoder().decode(text.substring(start, end));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }
}
