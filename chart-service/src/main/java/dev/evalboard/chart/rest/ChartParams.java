package dev.evalboard.chart.rest;

import dev.evalboard.contract.EventRules;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** Query parameters both chart kinds take; read as text so malformed values become 400s. */
public abstract class ChartParams {

    @RestQuery
    @Parameter(description = "Metric, default " + EventRules.DEFAULT_METRIC)
    public String metric;

    @RestQuery
    @Parameter(description = "Model to single out (bar: hatched; scatter: a star), repeatable")
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
    @Parameter(description = "150..4000, default 500")
    public String height;

    @RestQuery
    @Parameter(description = "Whiskers of ±1.96 standard errors where a result has one (scatter: vertical), default false")
    public String errorBars;

    @RestQuery
    @Parameter(description = "light (default) or dark")
    public String theme;
}
