package dev.evalboard.chart.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** Query parameters of {@code GET /charts/bar.svg}. */
public class BarParams extends ChartParams {

    @RestQuery
    @Parameter(description = "Benchmark per bar group, repeatable, in display order", required = true)
    public List<String> benchmark;

    @RestQuery
    @Parameter(description = "Model per bar, repeatable, in display order; default the top 5 by mean")
    public List<String> model;

    @RestQuery
    @Parameter(description = "Value labels on bars, default true")
    public String labels;
}
