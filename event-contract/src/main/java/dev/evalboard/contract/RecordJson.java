package dev.evalboard.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A record value read as the contract says every record is: one JSON value in strict UTF-8. Whatever the bytes, the
 * outcome is a tree or an {@link InvalidEvent} naming why not, never another exception, so that a record cannot stop
 * its partition. Shared by the parsers of every topic.
 */
final class RecordJson {

    private RecordJson() {
    }

    /** The record value as a JSON object; an empty value, or any other JSON value, is refused as such. */
    static JsonNode readObject(ObjectMapper mapper, byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidEvent("the record value is empty", null);
        }
        JsonNode root = read(mapper, value);
        if (!root.isObject()) {
            throw new InvalidEvent("the record value must be a JSON object, not " + EventFields.describe(root), "");
        }
        return root;
    }

    /**
     * ASCII is valid UTF-8 as it stands, and Jackson reads it from the bytes; anything else is decoded strictly first,
     * since Jackson would let overlong forms and encoded surrogates through. NUL bytes take the strict way too: from
     * bytes, Jackson would take them for UTF-16 or UTF-32 and read a record the contract refuses.
     */
    private static JsonNode read(ObjectMapper mapper, byte[] value) {
        try {
            JsonNode node = isAsciiWithoutNul(value) ? mapper.readTree(value) : mapper.readTree(decodeUtf8(value));
            if (node == null || node.isMissingNode()) {
                throw new InvalidEvent("the record value holds no JSON", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            String detail = e.getOriginalMessage().lines().findFirst().orElse("");
            throw new InvalidEvent("the record value is not valid JSON" + where + ": "
                    + detail.substring(0, Math.min(200, detail.length())), null);
        } catch (IOException e) {
            // Not a syntax error but as fatal (an encoding Jackson cannot read, say).
            throw new InvalidEvent("the record value is not valid JSON: " + e.getClass().getSimpleName(), null);
        }
    }

    private static boolean isAsciiWithoutNul(byte[] value) {
        for (byte b : value) {
            if (b <= 0) {
                return false;
            }
        }
        return true;
    }

    private static String decodeUtf8(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEvent("the record value is not valid UTF-8", null);
        }
    }
}
