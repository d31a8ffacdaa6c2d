package dev.crow.auth.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** Ed25519 keys from the JDK's own provider, and their JWK {@code x} coordinate. */
final class Ed25519Keys {

    /** SubjectPublicKeyInfo header of every Ed25519 public key (RFC 8410); the raw 32-byte key follows. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final int RAW_LENGTH = 32;

    private Ed25519Keys() {
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from the JVM", e);
        }
    }

    static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored public key is not an Ed25519 key", e);
        }
    }

    static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored private key is not an Ed25519 key", e);
        }
    }

    /** The JWK {@code x}: base64url of the raw 32-byte public key. */
    static String x(byte[] x509) {
        if (x509.length != X509_PREFIX.length + RAW_LENGTH
                || !Arrays.equals(X509_PREFIX, Arrays.copyOf(x509, X509_PREFIX.length))) {
            throw new IllegalStateException("not an X.509-encoded Ed25519 public key");
        }
        byte[] raw = Arrays.copyOfRange(x509, X509_PREFIX.length, x509.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
