package dev.evalboard.chart.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** Query parameters both the bar and the scatter chart take. */
public abstract class ChartParams extends FrameParams {

    @RestQuery
    @Parameter(description = "Model to single out (bar: hatched; scatter: a star), repeatable")
    public List<String> highlight;

    @RestQuery
    @Parameter(description = "An RFC 3339 instant at least 10 s in the past: the chart of what had been ingested by"
            + " then, the same however many events arrive later")
    public String asOf;

    @RestQuery
    @Parameter(description = "Whiskers of ±1.96 standard errors where a result has one (scatter: vertical), default false")
    public String errorBars;
}
