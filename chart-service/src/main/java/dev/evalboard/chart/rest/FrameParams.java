package dev.evalboard.chart.rest;

import dev.evalboard.contract.EventRules;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** Query parameters every chart takes: what it shows and its frame; read as text so malformed values become 400s. */
public abstract class FrameParams {

    @RestQuery
    @Parameter(description = "Metric, default " + EventRules.DEFAULT_METRIC)
    public String metric;

    @RestQuery
    @Parameter(description = "The benchmark's version, default the newest; only for a chart of one benchmark")
    public String version;

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
