package dev.evalboard.contract;

import static dev.evalboard.contract.EventRules.MAX_NAME_LENGTH;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.evalboard.contract.EventFields.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Reads a moderation record by the contract's rules: {@code action} one of flag, unflag, retract; {@code model} a
 * model name by the result event's rules; {@code eventId} an eventId by the result event's rules; {@code reason}
 * (flag and retract) 1..{@value #MAX_REASON_LENGTH} characters without control characters; {@code url} (flag,
 * optional) an absolute http or https URL of at most {@value #MAX_URL_LENGTH} characters. Other fields are ignored.
 */
public final class ModerationParser {
    public static final int MAX_RECORD_BYTES = 8 * 1024;
    public static final int MAX_REASON_LENGTH = 500;
    public static final int MAX_URL_LENGTH = 2000;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public ModerationRecord.Parsed parse(byte[] value) {
        try {
            return new ModerationRecord.Accepted(read(value));
        } catch (InvalidEvent e) {
            return new ModerationRecord.Rejected(e.violation());
        }
    }

    private static ModerationRecord read(byte[] value) {
        if (value != null && value.length > MAX_RECORD_BYTES) {
            throw new InvalidEvent("a moderation record must be at most " + MAX_RECORD_BYTES + " bytes, not "
                    + value.length, null);
        }
        JsonNode root = RecordJson.readObject(MAPPER, value);
        String action = EventFields.requiredText(root, "action", "/action", 16, Text.AS_SENT);
        return switch (action) {
            case "flag" -> new ModerationRecord.Flag(model(root), reason(root), url(root.get("url")));
            case "unflag" -> new ModerationRecord.Unflag(model(root));
            case "retract" -> new ModerationRecord.Retract(EventFields.requiredText(root, "eventId", "/eventId",
                    ResultEventParser.MAX_EVENT_ID_LENGTH, Text.AS_SENT), reason(root));
            default -> throw new InvalidEvent("action must be one of flag, unflag, retract", "/action");
        };
    }

    private static String model(JsonNode root) {
        return EventFields.requiredText(root, "model", "/model", MAX_NAME_LENGTH, Text.NAME);
    }

    private static String reason(JsonNode root) {
        return EventFields.requiredText(root, "reason", "/reason", MAX_REASON_LENGTH, Text.LABEL);
    }

    /** A link pages render: absolute, http or https, with a host, so that it never runs anything. */
    private static String url(JsonNode node) {
        String url = EventFields.optionalText(node, "/url", MAX_URL_LENGTH, Text.AS_SENT);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, as any other unusable URL
        }
        throw new InvalidEvent("url must be an absolute http or https URL", "/url");
    }
}
