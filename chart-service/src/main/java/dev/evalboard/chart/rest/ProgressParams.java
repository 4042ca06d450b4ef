package dev.evalboard.chart.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** Query parameters of {@code GET /charts/progress.svg}; read as text so malformed values become 400s. */
public class ProgressParams {

    @RestQuery
    @Parameter(description = "Benchmark", required = true)
    public String benchmark;

    @RestQuery
    @Parameter(description = "Metric, default pass@1")
    public String metric;

    @RestQuery
    @Parameter(description = "Also draw the other runs as faint points, default false")
    public String runs;

    @RestQuery
    public String title;

    @RestQuery
    public String yMin;

    @RestQuery
    public String yMax;

    @RestQuery
    @Parameter(description = "200..4000, default 800")
    public String width;

    @RestQuery
    @Parameter(description = "150..4000, default 500")
    public String height;

    @RestQuery
    @Parameter(description = "light (default) or dark")
    public String theme;
}
