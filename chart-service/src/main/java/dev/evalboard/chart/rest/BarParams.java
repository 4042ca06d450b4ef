package dev.evalboard.chart.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** Query parameters of {@code GET /charts/bar.svg}; read as text so malformed values become 400s. */
public class BarParams {

    @RestQuery
    @Parameter(description = "Benchmark per bar group, repeatable, in display order", required = true)
    public List<String> benchmark;

    @RestQuery
    @Parameter(description = "Model per bar, repeatable, in display order; default the top 5 by mean")
    public List<String> model;

    @RestQuery
    @Parameter(description = "Metric, default pass@1; also the y axis title")
    public String metric;

    @RestQuery
    @Parameter(description = "Model whose bars are hatched, repeatable")
    public List<String> highlight;

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
    @Parameter(description = "200..4000, default 500")
    public String height;

    @RestQuery
    @Parameter(description = "light (default) or dark")
    public String theme;

    @RestQuery
    @Parameter(description = "Value labels on bars, default true")
    public String labels;
}
