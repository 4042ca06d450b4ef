package dev.evalboard.chart.rest;

import dev.evalboard.chart.render.SvgAssertions;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/** Parses every SVG the service answers in a test, charts and error cards alike. */
public class SvgResponseCheck implements Filter {

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response r = context.next(request, response);
        String type = r.getHeader("Content-Type");
        if (type != null && type.startsWith("image/svg+xml")) {
            SvgAssertions.parseClean(r.asString());
        }
        return r;
    }
}
