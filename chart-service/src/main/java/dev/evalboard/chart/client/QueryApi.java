package dev.evalboard.chart.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** The parts of the query API (contract section 2) that charts are drawn from. */
@RegisterRestClient(configKey = "query-api")
@RegisterProvider(QueryErrorMapper.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface QueryApi {

    /** The table's largest page: a model named in a bar chart is found among the first 1000 rows. */
    int TABLE_ROWS = 1000;

    @GET
    @Path("/leaderboard")
    RestResponse<LeaderboardTable> leaderboard(@QueryParam("benchmark") List<String> benchmarks,
            @QueryParam("metric") String metric, @QueryParam("version") String version, @QueryParam("limit") int limit,
            @QueryParam("asOf") String asOf);

    @GET
    @Path("/pareto")
    RestResponse<ParetoSet> pareto(@QueryParam("benchmark") List<String> benchmarks,
            @QueryParam("metric") String metric, @QueryParam("version") String version, @QueryParam("x") String x,
            @QueryParam("dominatedLimit") int dominatedLimit, @QueryParam("model") List<String> models,
            @QueryParam("asOf") String asOf);

    @GET
    @Path("/benchmarks/{benchmark}/progress")
    RestResponse<ProgressLine> progress(@PathParam("benchmark") String benchmark, @QueryParam("metric") String metric,
            @QueryParam("version") String version, @QueryParam("runs") boolean runs);
}
