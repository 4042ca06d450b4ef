package dev.evalboard.query.rest;

import dev.evalboard.query.service.CatalogService;
import dev.evalboard.query.service.ModelDetail;
import dev.evalboard.query.service.ModelHistory;
import dev.evalboard.query.service.ModelList;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {
    private final CatalogService catalog;
    private final Representations representations;

    public ModelResource(CatalogService catalog, Representations representations) {
        this.catalog = catalog;
        this.representations = representations;
    }

    @GET
    @Operation(summary = "Models with their attributes and result count, by name")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelList.class)))
    @APIResponse(responseCode = "400", description = "A malformed or out-of-range parameter (problem+json)")
    public Response models(@BeanParam FilterParams filter, @BeanParam PageParams page,
            @Context HttpHeaders headers) {
        return representations.json(catalog.models(filter.toFilter(), page.limit(), page.offset()), headers);
    }

    @GET
    @Path("{model}")
    @Operation(summary = "A model and its current result on every benchmark and metric")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelDetail.class)))
    @APIResponse(responseCode = "404", description = "No such model (problem+json)")
    public Response model(@PathParam("model") String model, @Context HttpHeaders headers) {
        return representations.json(catalog.model(Params.name("model", model)), headers);
    }

    @GET
    @Path("{model}/history")
    @Operation(summary = "Every accepted run of a model, newest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelHistory.class)))
    @APIResponse(responseCode = "404", description = "No such model or benchmark (problem+json)")
    public Response history(@PathParam("model") String model, @QueryParam("benchmark") String benchmark,
            @QueryParam("metric") String metric, @BeanParam PageParams page, @Context HttpHeaders headers) {
        return representations.json(catalog.history(Params.name("model", model),
                Params.optionalName("benchmark", benchmark), Params.optionalMetric(metric), page.limit(),
                page.offset()), headers);
    }
}
