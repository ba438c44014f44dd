package io.dynabox.tests.readme.snippets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.sdk.Dynabox;

/** README, "Planning report": compiled here so that README's code cannot drift from the API. */
final class PlanningReportSnippet {
    private PlanningReportSnippet() {}

    static void report(Dynabox dynabox) {
        ObjectNode report = dynabox.planningReport();       // the report.json document
        String page = dynabox.planningReportHtml();
    }
}
