package dev.evalboard.chart.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** Query parameters of {@code GET /charts/progress.svg}. */
public class ProgressParams extends FrameParams {

    @RestQuery
    @Parameter(description = "Benchmark", required = true)
    public String benchmark;

    @RestQuery
    @Parameter(description = "Also draw the other runs as faint points, default false")
    public String runs;
}
