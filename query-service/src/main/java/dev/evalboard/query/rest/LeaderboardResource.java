package dev.evalboard.query.rest;

import dev.evalboard.contract.rank.RankSort;
import dev.evalboard.query.repository.ModelFilter;
import dev.evalboard.query.service.Leaderboard;
import dev.evalboard.query.service.LeaderboardService;
import dev.evalboard.query.service.Table;
import dev.evalboard.query.service.TableQuery;
import dev.evalboard.query.service.TableService;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1")
@Produces({ MediaType.APPLICATION_JSON, Representations.CSV })
public class LeaderboardResource {
    static final String VERSION = "The benchmark's version to show (default: the newest)";
    static final String INCLUDE_PARTIAL = "true: rank partial runs (fewer samples than the benchmark has) too;"
            + " false (default) leaves them out of ranks, totals and aggregates";
    private static final String SORT = "rank (default) or ciRank: by ciRank, models sharing one by the better end of"
            + " their interval, then by score, then by name";
    private final LeaderboardService leaderboards;
    private final TableService tables;
    private final Representations representations;

    public LeaderboardResource(LeaderboardService leaderboards, TableService tables,
            Representations representations) {
        this.leaderboards = leaderboards;
        this.tables = tables;
        this.representations = representations;
    }

    @GET
    @Path("leaderboards/{benchmark}")
    @Operation(summary = "One benchmark's models in rank order (competition ranks: 1, 2, 2, 4), each with its 95%"
            + " confidence interval and ciRank (1 + the models whose interval lies beyond it)")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Leaderboard.class)),
            @Content(mediaType = Representations.CSV) })
    @APIResponse(responseCode = "400", description = "A malformed or out-of-range parameter (problem+json)")
    @APIResponse(responseCode = "404", description = "No such benchmark, metric or version (problem+json)")
    public Response leaderboard(@PathParam("benchmark") String benchmark, @QueryParam("metric") String metric,
            @QueryParam("version") @Parameter(description = VERSION) String version,
            @QueryParam("includePartial") @Parameter(description = INCLUDE_PARTIAL) String includePartial,
            @QueryParam("sort") @Parameter(description = SORT) String sort, @BeanParam FilterParams filter,
            @BeanParam PageParams page, @BeanParam SnapshotParam snapshot, @Context HttpHeaders headers) {
        String name = Params.name("benchmark", benchmark);
        String metricName = Params.metric(metric);
        String versionName = Params.version(version);
        boolean partial = Params.includePartial(includePartial);
        RankSort order = Params.sort(sort);
        ModelFilter models = filter.toFilter();
        int limit = page.limit();
        long offset = page.offset();
        return representations.cachedJsonOrCsv(snapshot.instant(), "leaderboard", List.of(name), metricName,
                new Object[] { name, metricName, versionName, partial, order, FilterParams.normalised(models), limit,
                        offset },
                () -> leaderboards.leaderboard(name, metricName, versionName, models, partial, order, limit, offset),
                CsvViews::leaderboard, headers);
    }

    @GET
    @Path("leaderboard")
    @Operation(summary = "Models ranked by an aggregate (mean, normalized or winrate) over several benchmarks, each"
            + " in its newest version; models with results on fewer than minBenchmarks of them come last")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Table.class)),
            @Content(mediaType = Representations.CSV) })
    @APIResponse(responseCode = "400", description = "A malformed or out-of-range parameter (problem+json)")
    @APIResponse(responseCode = "404", description = "No such benchmark or metric (problem+json)")
    public Response table(@QueryParam("benchmark") List<String> benchmarks, @QueryParam("metric") String metric,
            @QueryParam("aggregate") @Parameter(description = "mean (default), normalized (each score rescaled against"
                    + " the benchmark's random baseline) or winrate (HELM's mean win rate)") String aggregate,
            @QueryParam("minBenchmarks") @Parameter(description = "How many of the benchmarks a model needs a result"
                    + " on to be ranked, 1 to their number (default: all)") String minBenchmarks,
            @QueryParam("version") @Parameter(description = VERSION + "; only with one benchmark") String version,
            @QueryParam("includePartial") @Parameter(description = INCLUDE_PARTIAL) String includePartial,
            @QueryParam("sort") @Parameter(description = SORT) String sort, @BeanParam FilterParams filter,
            @BeanParam PageParams page, @BeanParam SnapshotParam snapshot, @Context HttpHeaders headers) {
        List<String> names = Params.benchmarks(benchmarks);
        String metricName = Params.metric(metric);
        TableQuery query = new TableQuery(names, metricName, Params.version(version), filter.toFilter(),
                Params.includePartial(includePartial), Params.aggregate(aggregate),
                Params.minBenchmarks(minBenchmarks, names.size()), Params.sort(sort), page.limit(), page.offset());
        return representations.cachedJsonOrCsv(snapshot.instant(), "table", names, metricName,
                new Object[] { names, metricName, query.version(), FilterParams.normalised(query.filter()),
                        query.includePartial(),
                        query.aggregation(),
                        query.minBenchmarks(), query.sort(), query.limit(), query.offset() },
                () -> tables.table(query), CsvViews::table, headers);
    }
}
