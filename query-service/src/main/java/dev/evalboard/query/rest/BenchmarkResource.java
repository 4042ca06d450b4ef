package dev.evalboard.query.rest;

import dev.evalboard.query.service.BenchmarkList;
import dev.evalboard.query.service.CatalogService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/benchmarks")
public class BenchmarkResource {
    private final CatalogService catalog;
    private final Representations representations;

    public BenchmarkResource(CatalogService catalog, Representations representations) {
        this.catalog = catalog;
        this.representations = representations;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every benchmark with its metrics, model count and last update")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BenchmarkList.class)))
    public Response benchmarks(@Context HttpHeaders headers) {
        return representations.cachedJson("benchmarks", new Object[0], catalog::benchmarks, headers);
    }
}
