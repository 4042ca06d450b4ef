package dev.evalboard.chart.dashboard;

import dev.evalboard.chart.client.BenchmarkCatalog;
import dev.evalboard.chart.client.BoardPage;
import dev.evalboard.chart.client.ModelResults;
import dev.evalboard.chart.client.ParetoSet;
import dev.evalboard.chart.client.TablePage;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dashboard (contract section 4): server-rendered pages over query-service's data, each also as CSV
 * ({@code format=csv}). Pages follow changes by themselves through {@link ChangeStreamResource}.
 */
@Path("/")
@Tag(name = "dashboard", description = "The dashboard's pages and their change stream")
public class DashboardResource {
    /** Benchmarks the table combines at most (query-service's bound). */
    static final int MAX_TABLE_BENCHMARKS = 20;

    private final PageData data;

    DashboardResource(PageData data) {
        this.data = data;
    }

    @GET
    @Operation(summary = "The benchmarks, with model counts and last updates (HTML; CSV with format=csv)")
    public Response benchmarks(@QueryParam("format") String format, @HeaderParam("If-None-Match") String etag) {
        boolean csv = DashboardParams.csv(format);
        long start = System.nanoTime();
        BenchmarkCatalog catalog = data.benchmarks();
        if (csv) {
            return HtmlResponses.csv(PageCsv.benchmarks(catalog), "benchmarks.csv");
        }
        return render(start, () -> Pages.benchmarks(CatalogView.of(catalog)), etag);
    }

    @GET
    @Path("leaderboard")
    @Operation(summary = "A benchmark's leaderboard, filtered and paged (HTML; CSV of the page with format=csv)")
    public Response leaderboard(@QueryParam("benchmark") String benchmark, @QueryParam("metric") String metric,
            @QueryParam("openness") List<String> openness, @QueryParam("minParams") String minParams,
            @QueryParam("maxParams") String maxParams, @QueryParam("q") String q, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("format") String format, @Context UriInfo uri,
            @HeaderParam("If-None-Match") String etag) {
        BoardFilter request = BoardFilter.parse(benchmark, metric, openness, minParams, maxParams, q, page, size);
        boolean csv = DashboardParams.csv(format);
        long start = System.nanoTime();
        BoardPage board = data.board(request.benchmark(), request.metric(), request.models(), request.size(),
                request.offset());
        if (csv) {
            return HtmlResponses.csv(PageCsv.board(board), fileName(request.benchmark()) + ".csv");
        }
        return render(start, () -> Pages.leaderboard(BoardView.of(request, board, origin(uri))), etag);
    }

    @GET
    @Path("table")
    @Operation(summary = "Models ranked by their mean over the benchmarks picked (HTML; CSV with format=csv)")
    public Response table(@QueryParam("benchmark") List<String> benchmarks, @QueryParam("metric") String metric,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("format") String format,
            @Context UriInfo uri, @HeaderParam("If-None-Match") String etag) {
        List<String> picked = DashboardParams.names("benchmark", benchmarks, MAX_TABLE_BENCHMARKS);
        String metricName = DashboardParams.metric(metric);
        long pageNumber = DashboardParams.page(page);
        int pageSize = DashboardParams.pageSize(size);
        boolean csv = DashboardParams.csv(format);
        long start = System.nanoTime();
        List<String> available = TableView.benchmarksWith(data.benchmarks(), metricName);
        TableView.Request request = new TableView.Request(picked, metricName, pageNumber, pageSize);
        if (picked.isEmpty()) {
            // Which benchmarks are worth comparing is the reader's choice: the page starts with the picker.
            if (csv) {
                throw PageException.badRequest("pick the table's benchmarks: 'benchmark', repeated");
            }
            return render(start, () -> Pages.table(TableView.unpicked(request, available)), etag);
        }
        TablePage table = data.table(picked, metricName, pageSize, request.offset());
        if (csv) {
            return HtmlResponses.csv(PageCsv.table(table, picked), "table.csv");
        }
        return render(start, () -> Pages.table(TableView.of(request, available, table, origin(uri))), etag);
    }

    @GET
    @Path("model")
    @Operation(summary = "A model's results and run history (HTML; CSV with format=csv, table=history for runs)")
    public Response model(@QueryParam("name") String name, @QueryParam("table") String table,
            @QueryParam("format") String format, @Context UriInfo uri, @HeaderParam("If-None-Match") String etag) {
        String model = DashboardParams.name("name", name);
        boolean history = "history".equals(table);
        if (table != null && !history && !"results".equals(table)) {
            throw PageException.badRequest("'table' must be results or history");
        }
        boolean csv = DashboardParams.csv(format);
        long start = System.nanoTime();
        if (csv) {
            return history
                    ? HtmlResponses.csv(PageCsv.history(data.history(model, ModelView.HISTORY_LIMIT)), "runs.csv")
                    : HtmlResponses.csv(PageCsv.results(data.model(model)), "results.csv");
        }
        ModelResults results = data.model(model);
        ModelResults.History runs = data.history(model, ModelView.HISTORY_LIMIT);
        return render(start, () -> Pages.model(ModelView.of(results, runs, origin(uri))), etag);
    }

    @GET
    @Path("pareto")
    @Operation(summary = "The Pareto view: scatter chart and frontier table (HTML; the frontier as CSV with "
            + "format=csv)")
    public Response pareto(@QueryParam("benchmark") String benchmark, @QueryParam("metric") String metric,
            @QueryParam("x") String x, @QueryParam("format") String format, @Context UriInfo uri,
            @HeaderParam("If-None-Match") String etag) {
        String name = DashboardParams.name("benchmark", benchmark);
        String metricName = DashboardParams.metric(metric);
        String measure = DashboardParams.xMeasure(x);
        boolean csv = DashboardParams.csv(format);
        long start = System.nanoTime();
        ParetoSet set = data.pareto(name, metricName, measure);
        if (csv) {
            return HtmlResponses.csv(PageCsv.frontier(set), "frontier.csv");
        }
        return render(start, () -> Pages.pareto(ParetoView.of(name, metricName, measure, set, origin(uri))), etag);
    }

    /** Renders a page, saying in Server-Timing how long its data took and how long the page itself. */
    private static Response render(long start, Supplier<TemplateInstance> page, String etag) {
        long rendering = System.nanoTime();
        String html = page.get().render();
        long done = System.nanoTime();
        String timing = String.format(Locale.ROOT, "data;dur=%.2f, render;dur=%.2f", (rendering - start) / 1e6,
                (done - rendering) / 1e6);
        return HtmlResponses.page(html, etag, timing);
    }

    private static String origin(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A download name from a benchmark name: letters, digits, dots and dashes only. */
    private static String fileName(String benchmark) {
        String name = benchmark.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "leaderboard" : name.length() > 60 ? name.substring(0, 60) : name;
    }
}
