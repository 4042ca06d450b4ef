package dev.evalboard.chart.rest;

import dev.evalboard.chart.render.BarChartSpec;
import dev.evalboard.chart.render.ProgressChartSpec;
import dev.evalboard.chart.render.ScatterChartSpec;
import dev.evalboard.chart.service.BarQuery;
import dev.evalboard.chart.service.ChartService;
import dev.evalboard.chart.service.PngRasterizer;
import dev.evalboard.chart.service.ProgressChartService;
import dev.evalboard.chart.service.ProgressQuery;
import dev.evalboard.chart.service.ScatterQuery;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The chart API of contract section 3: three charts, by URL or with inline data, as SVG or PNG. */
@Path("/charts")
@Tag(name = "charts", description = "SVG and PNG charts")
@APIResponse(responseCode = "200", description = "The chart", content = {
    @Content(mediaType = "image/svg+xml"), @Content(mediaType = "image/png")})
@APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
@APIResponse(responseCode = "400", description = "A malformed or out-of-range option: an SVG card for clients "
        + "preferring images, else problem+json", content = {
            @Content(mediaType = "application/problem+json"), @Content(mediaType = "image/svg+xml")})
@APIResponse(responseCode = "503", description = "query-service is unavailable, or (PNG) every rasterising slot is "
        + "busy or memory is short: retry after the Retry-After seconds")
public class ChartResource {

    private final ChartService charts;
    private final ChartRequests requests;
    private final PngRasterizer png;
    private final ProgressChartService progress;
    private final ProgressRequests progressRequests;

    ChartResource(ChartService charts, ChartRequests requests, PngRasterizer png, ProgressChartService progress,
                  ProgressRequests progressRequests) {
        this.charts = charts;
        this.requests = requests;
        this.png = png;
        this.progress = progress;
        this.progressRequests = progressRequests;
    }

    @GET
    @Path("/bar.{format:svg|png}")
    @Operation(summary = "Grouped bar chart from query-service data",
            description = "One group per benchmark, one bar per model, in the order given.")
    @APIResponse(responseCode = "404", description = "Unknown benchmark or model")
    public Response barFromQuery(@Parameter(description = "svg or png") @PathParam("format") String format,
                                 @BeanParam BarParams params, @HeaderParam("If-None-Match") String ifNoneMatch) {
        BarQuery query = requests.barQuery(params);
        return respond(format, query.width(), query.height(), () -> charts.barChart(query), ifNoneMatch);
    }

    @POST
    @Path("/bar.{format:svg|png}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grouped bar chart from inline data")
    public Response bar(@Parameter(description = "svg or png") @PathParam("format") String format,
                        BarChartBody body,
                        @HeaderParam("If-None-Match") String ifNoneMatch) {
        BarChartSpec spec = requests.barSpec(body);
        return respond(format, spec.width(), spec.height(), () -> charts.render(spec), ifNoneMatch);
    }

    @GET
    @Path("/scatter.{format:svg|png}")
    @Operation(summary = "Scatter chart of query-service's Pareto data",
            description = "One labelled point per model, coloured by openness; log x axis by default.")
    @APIResponse(responseCode = "404", description = "Unknown benchmark")
    public Response scatterFromQuery(@Parameter(description = "svg or png") @PathParam("format") String format,
                                     @BeanParam ScatterParams params, @HeaderParam("If-None-Match") String ifNoneMatch) {
        ScatterQuery query = requests.scatterQuery(params);
        return respond(format, query.width(), query.height(), () -> charts.scatterChart(query), ifNoneMatch);
    }

    @POST
    @Path("/scatter.{format:svg|png}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Scatter chart from inline points")
    public Response scatter(@Parameter(description = "svg or png") @PathParam("format") String format,
                            ScatterChartBody body,
                            @HeaderParam("If-None-Match") String ifNoneMatch) {
        ScatterChartSpec spec = requests.scatterSpec(body);
        return respond(format, spec.width(), spec.height(), () -> charts.render(spec), ifNoneMatch);
    }

    @GET
    @Path("/progress.{format:svg|png}")
    @Operation(summary = "The best score on a benchmark over time, from query-service's running best",
            description = "A step line through the runs that set a new best, each labelled with its model; "
                    + "runs=true adds the other runs as faint points.")
    @APIResponse(responseCode = "404", description = "Unknown benchmark")
    public Response progressFromQuery(@Parameter(description = "svg or png") @PathParam("format") String format,
                                      @BeanParam ProgressParams params,
                                      @HeaderParam("If-None-Match") String ifNoneMatch) {
        ProgressQuery query = progressRequests.query(params);
        return respond(format, query.width(), query.height(), () -> progress.progressChart(query), ifNoneMatch);
    }

    @POST
    @Path("/progress.{format:svg|png}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Progress chart from inline runs")
    public Response progress(@Parameter(description = "svg or png") @PathParam("format") String format,
                             ProgressChartBody body,
                             @HeaderParam("If-None-Match") String ifNoneMatch) {
        ProgressChartSpec spec = progressRequests.spec(body);
        return respond(format, spec.width(), spec.height(), () -> progress.render(spec), ifNoneMatch);
    }

    /** A PNG's size is checked before its chart is drawn: a refused PNG should cost nothing. */
    private Response respond(String format, int width, int height, Supplier<String> svg, String ifNoneMatch) {
        if ("png".equals(format)) {
            return ImageResponses.image(png.toPng(width, height, svg), ImageResponses.PNG, ifNoneMatch);
        }
        return ImageResponses.svg(svg.get(), ifNoneMatch);
    }
}
