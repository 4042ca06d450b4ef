package dev.evalboard.devstack.publish;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * EventIds for events made from result files. An id is an HMAC of what the event says, keyed by a secret of the
 * publisher's: the same key and file give the same ids (publishing again is a no-op), and nobody without the key can
 * compute them to publish first under a run's id and have the real result dropped as a duplicate. Without a key, a
 * random one is drawn per run: ids stay unguessable, but publishing the same file again adds its runs again.
 */
final class EventIds {
    static final String KEY_VARIABLE = "EVALBOARD_PUBLISH_KEY";
    static final int MIN_KEY_LENGTH = 16;

    private final byte[] key;
    private final boolean repeatable;

    private EventIds(byte[] key, boolean repeatable) {
        this.key = key;
        this.repeatable = repeatable;
    }

    /** @throws IllegalArgumentException when the key is too short to stay secret */
    static EventIds keyed(String secret) {
        if (secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(KEY_VARIABLE + " must have at least " + MIN_KEY_LENGTH
                    + " characters (it is " + secret.length() + "); a short key can be guessed");
        }
        return new EventIds(secret.getBytes(StandardCharsets.UTF_8), true);
    }

    static EventIds random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new EventIds(key, false);
    }

    /** Whether publishing the same file again repeats its eventIds. */
    boolean repeatable() {
        return repeatable;
    }

    /** The parts are joined with NUL, which no name or number contains, so different parts never give the same text. */
    String of(String prefix, String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
