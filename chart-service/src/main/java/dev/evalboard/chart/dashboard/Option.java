package dev.evalboard.chart.dashboard;

import io.quarkus.qute.TemplateData;

/** One choice of a form: a checkbox or an option of a select. */
@TemplateData
public record Option(String value, String label, boolean checked) {
}
