package dev.evalboard.chart.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptPreferenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8 | true",
        "image/webp,*/* | true",
        "image/svg+xml | true",
        "image/* | true",
        "image/svg+xml, application/json | true",
        "application/json, image/svg+xml | false",
        "application/json;q=0.5, image/svg+xml | true",
        "*/* | false",
        "application/problem+json | false",
        "image/png | false",
        "image/svg+xml;q=0 | false",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | false",
        "garbage | false"})
    void imageClientsAreRecognised(String accept, boolean image) {
        assertEquals(image, AcceptPreference.prefersImage(accept), accept);
    }
}
