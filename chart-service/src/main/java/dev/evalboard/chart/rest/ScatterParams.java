package dev.evalboard.chart.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** Query parameters of {@code GET /charts/scatter.svg}. */
public class ScatterParams extends ChartParams {

    @RestQuery
    @Parameter(description = "Benchmark, repeatable (y is then the mean)", required = true)
    public List<String> benchmark;

    @RestQuery
    @Parameter(description = "parameters (default), activeParameters or costUsd")
    public String x;

    @RestQuery
    @Parameter(description = "Log x axis, default true")
    public String logX;

    @RestQuery
    @Parameter(description = "Legend label of the stars, default Highlighted")
    public String highlightLabel;

    @RestQuery
    @Parameter(description = "Draw query-service's Pareto frontier, default false")
    public String frontier;

    @RestQuery
    public String xMin;

    @RestQuery
    public String xMax;
}
