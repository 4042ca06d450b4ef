package dev.evalboard.chart.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The dashboard's Qute templates (src/main/resources/templates/dashboard), checked against their views at build. */
@CheckedTemplate(basePath = "dashboard")
public final class Pages {

    private Pages() {
    }

    public static native TemplateInstance benchmarks(CatalogView view);

    public static native TemplateInstance leaderboard(BoardView view);

    public static native TemplateInstance table(TableView view);

    public static native TemplateInstance model(ModelView view);

    public static native TemplateInstance pareto(ParetoView view);

    public static native TemplateInstance error(int status, String title, String detail);
}
