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

/** The parts of the query API (contract section 2) that the dashboard's pages show; the service of {@link QueryApi}. */
@RegisterRestClient(configKey = "query-api")
@RegisterProvider(QueryErrorMapper.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface PageQueryApi {

    @GET
    @Path("/benchmarks")
    RestResponse<BenchmarkCatalog> benchmarks();

    @GET
    @Path("/leaderboards/{benchmark}")
    RestResponse<BoardPage> board(@PathParam("benchmark") String benchmark, @QueryParam("metric") String metric,
            @QueryParam("openness") List<String> openness, @QueryParam("minParameters") Long minParameters,
            @QueryParam("maxParameters") Long maxParameters, @QueryParam("q") String query,
            @QueryParam("limit") int limit, @QueryParam("offset") long offset);

    @GET
    @Path("/leaderboard")
    RestResponse<TablePage> table(@QueryParam("benchmark") List<String> benchmarks,
            @QueryParam("metric") String metric, @QueryParam("limit") int limit, @QueryParam("offset") long offset);

    @GET
    @Path("/models/{model}")
    RestResponse<ModelResults> model(@PathParam("model") String model);

    @GET
    @Path("/models/{model}/history")
    RestResponse<ModelResults.History> history(@PathParam("model") String model, @QueryParam("limit") int limit);

    @GET
    @Path("/pareto")
    RestResponse<ParetoSet> pareto(@QueryParam("benchmark") List<String> benchmarks,
            @QueryParam("metric") String metric, @QueryParam("x") String x);
}
