package dev.evalboard.contract.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlSafeJsonTest {
    private final ObjectMapper mapper = HtmlSafeJson.apply(new ObjectMapper());

    @Test
    void markupCharactersAreEscapedAndTheValueSurvivesARoundTrip() throws Exception {
        String hostile = "\"><svg onload=alert(1)> & </script> \u00e9\u202E\uD83D\uDD25";
        String json = mapper.writeValueAsString(Map.of("detail", hostile));
        assertEquals("{\"detail\":\"\\\"\\u003E\\u003Csvg onload=alert(1)\\u003E \\u0026 \\u003C/script\\u003E "
                + "\u00e9\u202E\uD83D\uDD25\"}", json);
        assertEquals(hostile, new ObjectMapper().readTree(json).get("detail").asText());
    }
}
