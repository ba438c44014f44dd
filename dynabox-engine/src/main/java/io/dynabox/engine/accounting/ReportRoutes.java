package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.Engine;
import io.dynabox.engine.admin.AdminApi;
import io.dynabox.engine.wire.Json;
import java.nio.charset.StandardCharsets;

/**
 * The planning report on the admin front door: {@code GET /dynabox/report} (HTML),
 * {@code GET /dynabox/report.json}, and {@code DELETE /dynabox/report} to forget what was
 * counted so far. They take {@code ?runsPerDay=N} ("this run is 1/N of a day"),
 * {@code ?trafficMultiplier=M}, {@code ?accessKey=&region=} for one namespace and {@code ?table=NAME} for one of its tables.
 * {@code GET /dynabox/contributor-insights?table=NAME[&index=NAME]} gives a table's (or global
 * index's) contributor insights with each rule's top contributors (the most accessed and most throttled keys);
 * {@code ?rule=RULE_NAME} (a name DescribeContributorInsights lists) gives that one rule's.
 */
public final class ReportRoutes {
    private ReportRoutes() {}

    public static void register(AdminApi api, Engine engine) {
        api.route("GET", "/dynabox/report.json", call -> AdminApi.Answer.json(200, PlanningReport.json(engine, settings(engine, call))));
        api.route("GET", "/dynabox/report", call -> new AdminApi.Answer(200, "text/html; charset=utf-8",
                ReportHtml.render(PlanningReport.json(engine, settings(engine, call))).getBytes(StandardCharsets.UTF_8)));
        api.route("GET", "/dynabox/contributor-insights", call -> {
            String table = call.parameter("table");
            String rule = call.parameter("rule");
            if ((table == null) == (rule == null) || call.accessKey() == null) {
                throw new IllegalArgumentException("?table= (or ?rule=) and the caller's namespace are needed");
            }
            String namespace = engine.namespaceId(call.accessKey(), call.region());
            if (rule != null) {
                ObjectNode found = engine.contributorInsights().rule(namespace, rule);
                return found == null ? AdminApi.Answer.error(404, "no contributor insights rule " + rule)
                        : AdminApi.Answer.json(200, found);
            }
            ObjectNode insights = engine.contributorInsights().json(namespace, table, call.parameter("index"));
            return insights == null ? AdminApi.Answer.error(404, "no table " + table)
                    : AdminApi.Answer.json(200, insights);
        });
        api.route("DELETE", "/dynabox/report", call -> {
            engine.accounting().clear();
            return AdminApi.Answer.json(200, Json.object());
        });
    }

    private static PlanningReport.Settings settings(Engine engine, AdminApi.Call call) {
        String namespace = call.accessKey() == null ? null : engine.namespaceId(call.accessKey(), call.region());
        return new PlanningReport.Settings(namespace, call.parameter("table"), positive(call.parameter("runsPerDay"), "runsPerDay"),
                call.parameter("trafficMultiplier") == null ? 1 : positive(call.parameter("trafficMultiplier"), "trafficMultiplier"),
                engine.options().prices() == null ? null : Prices.read(engine.options().prices()));
    }

    private static Double positive(String text, String name) {
        if (text == null) return null;
        try {
            double value = Double.parseDouble(text);
            if (value > 0 && Double.isFinite(value)) return value;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("?" + name + "= is a positive number");
    }
}
