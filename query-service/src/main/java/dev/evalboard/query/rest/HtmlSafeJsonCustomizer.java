package dev.evalboard.query.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.contract.json.HtmlSafeJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Every JSON answer, problems included, escapes markup characters: rejected input is echoed in details. */
@Singleton
public class HtmlSafeJsonCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        HtmlSafeJson.apply(mapper);
    }
}
