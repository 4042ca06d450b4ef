package dev.evalboard.query.rest;

import dev.evalboard.query.service.Progress;
import dev.evalboard.query.service.ProgressService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/benchmarks/{benchmark}/progress")
public class ProgressResource {
    private final ProgressService progress;
    private final Representations representations;

    public ProgressResource(ProgressService progress, Representations representations) {
        this.progress = progress;
        this.representations = representations;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, Representations.CSV })
    @Operation(summary = "The best score over time: the runs that beat every earlier run, in evaluatedAt order")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Progress.class)),
            @Content(mediaType = Representations.CSV) })
    @APIResponse(responseCode = "400", description = "A malformed or out-of-range parameter (problem+json)")
    @APIResponse(responseCode = "404", description = "No such benchmark, metric or version (problem+json)")
    public Response progress(@PathParam("benchmark") String benchmark, @QueryParam("metric") String metric,
            @Parameter(description = "true: also up to 1000 of the other runs") @QueryParam("runs") String runs,
            @QueryParam("version") @Parameter(description = LeaderboardResource.VERSION) String version,
            @Context HttpHeaders headers) {
        String name = Params.name("benchmark", benchmark);
        String metricName = Params.metric(metric);
        String versionName = Params.version(version);
        boolean withRuns = Params.flag("runs", runs, false);
        return representations.cachedJsonOrCsv("progress", List.of(name), metricName,
                new Object[] { name, metricName, versionName, withRuns },
                () -> progress.progress(name, metricName, versionName, withRuns), CsvViews::progress, headers);
    }
}
