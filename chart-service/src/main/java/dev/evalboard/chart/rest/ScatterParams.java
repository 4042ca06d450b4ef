package dev.evalboard.chart.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** Query parameters of {@code GET /charts/scatter.svg}; read as text so malformed values become 400s. */
public class ScatterParams {

    @RestQuery
    @Parameter(description = "Benchmark, repeatable (y is then the mean)", required = true)
    public List<String> benchmark;

    @RestQuery
    @Parameter(description = "Metric, default pass@1")
    public String metric;

    @RestQuery
    @Parameter(description = "parameters (default), activeParameters or costUsd")
    public String x;

    @RestQuery
    @Parameter(description = "Log x axis, default true")
    public String logX;

    @RestQuery
    @Parameter(description = "Model drawn as a star, repeatable")
    public List<String> highlight;

    @RestQuery
    @Parameter(description = "Legend label of the stars, default Highlighted")
    public String highlightLabel;

    @RestQuery
    @Parameter(description = "Draw query-service's Pareto frontier, default false")
    public String frontier;

    @RestQuery
    public String title;

    @RestQuery
    public String xMin;

    @RestQuery
    public String xMax;

    @RestQuery
    public String yMin;

    @RestQuery
    public String yMax;

    @RestQuery
    @Parameter(description = "200..4000, default 800")
    public String width;

    @RestQuery
    @Parameter(description = "200..4000, default 500")
    public String height;

    @RestQuery
    @Parameter(description = "light (default) or dark")
    public String theme;
}
