package dev.evalboard.query.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code limit} (1..1000, default 50) and {@code offset} (default 0). */
public class PageParams {
    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 1000 (default 50)")
    String limit;

    @QueryParam("offset")
    @Parameter(description = "Rows to skip, 0 or more (default 0)")
    String offset;

    int limit() {
        return Params.limit(limit);
    }

    long offset() {
        return Params.offset(offset);
    }
}
