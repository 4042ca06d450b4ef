package dev.evalboard.query.rest;

import dev.evalboard.query.repository.ModelFilter;
import dev.evalboard.query.service.ParetoService;
import dev.evalboard.query.service.ParetoSet;
import dev.evalboard.query.service.XAxis;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

@Path("/api/v1/pareto")
public class ParetoResource {
    private final ParetoService pareto;
    private final Representations representations;

    public ParetoResource(ParetoService pareto, Representations representations) {
        this.pareto = pareto;
        this.representations = representations;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, Representations.CSV })
    @Operation(summary = "The Pareto frontier of size or cost (lower is better) against the score")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParetoSet.class)),
            @Content(mediaType = Representations.CSV) })
    @APIResponse(responseCode = "400", description = "A malformed or out-of-range parameter (problem+json)")
    @APIResponse(responseCode = "404", description = "No such benchmark, metric or version (problem+json)")
    public Response pareto(@QueryParam("benchmark") List<String> benchmarks, @QueryParam("metric") String metric,
            @Parameter(description = "parameters (default), activeParameters or costUsd") @QueryParam("x") String x,
            @Parameter(description = "Dominated points to list, best first: 0 (default) to 10,000")
            @QueryParam("dominatedLimit") String dominatedLimit,
            @Parameter(description = "Dominated points to skip (default 0)")
            @QueryParam("dominatedOffset") String dominatedOffset,
            @Parameter(description = "Models whose points to return in 'requested' wherever they are (up to 50)")
            @QueryParam("model") List<String> model,
            @QueryParam("version") @Parameter(description = LeaderboardResource.VERSION
                    + "; only with one benchmark") String version,
            @QueryParam("includePartial") @Parameter(description = LeaderboardResource.INCLUDE_PARTIAL)
            String includePartial,
            @BeanParam FilterParams filter, @BeanParam SnapshotParam snapshot, @Context HttpHeaders headers) {
        List<String> names = Params.benchmarks(benchmarks);
        String metricName = Params.metric(metric);
        String versionName = Params.version(version);
        boolean partial = Params.includePartial(includePartial);
        XAxis axis = Params.axis(x);
        ParetoSet.DominatedPage page = new ParetoSet.DominatedPage(Params.dominatedLimit(dominatedLimit),
                Params.dominatedOffset(dominatedOffset));
        List<String> requested = Params.models(model);
        ModelFilter models = filter.toFilter();
        return representations.cachedJsonOrCsv(snapshot.instant(), "pareto", names, metricName,
                new Object[] { names, metricName, versionName, partial, axis, FilterParams.normalised(models), page,
                        requested },
                () -> pareto.pareto(names, metricName, versionName, axis, models, partial, page, requested),
                CsvViews::pareto, headers);
    }
}
