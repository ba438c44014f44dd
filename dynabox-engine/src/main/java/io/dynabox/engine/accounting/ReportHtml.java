package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The planning report as one HTML page: its own styles and SVG charts inline, no script and
 * nothing loaded from elsewhere, so it can be saved, mailed and opened offline.
 */
public final class ReportHtml {
    private static final int CHART_WIDTH = 720;
    private static final int CHART_HEIGHT = 140;

    private ReportHtml() {}

    public static String render(JsonNode report) {
        StringBuilder html = new StringBuilder(16384);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Dynabox planning report</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;color:#1d2330;margin:0;background:#f5f6f8}")
                .append("header{background:#232f3e;color:#fff;padding:10px 24px}header h1{margin:0;font-size:20px}header h1 span{color:#ff9900;font-weight:normal}")
                .append("main{padding:16px 24px;max-width:1100px}section.table{background:#fff;border:1px solid #dde1e6;border-radius:4px;padding:12px 18px;margin:0 0 18px}")
                .append("h2{margin:4px 0 8px;font-size:18px}h3{font-size:14px;margin:14px 0 6px;color:#444}")
                .append("table.figures{border-collapse:collapse;margin:4px 0}table.figures td,table.figures th{padding:3px 12px 3px 0;text-align:left;font-size:13px;border-bottom:1px solid #eef0f2}")
                .append("th{font-weight:600;color:#555}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".warn{background:#fff4e5;border-left:4px solid #ec7211;padding:6px 10px;margin:4px 0}.muted{color:#687078}")
                .append("svg text{font-size:11px;fill:#555}.kpis{display:flex;flex-wrap:wrap;gap:8px 28px}.kpis b{font-size:16px}")
                .append("</style></head><body><header><h1>Dynabox <span>planning report</span></h1></header><main>");
        JsonNode settings = report.path("settings");
        JsonNode prices = report.path("prices");
        html.append("<p class=\"muted\">Generated ").append(esc(report.path("generatedAt").asText()))
                .append(" · run of ").append(settings.path("runSeconds").asLong()).append(" s")
                .append(" · scaled as 1/").append(fmt(settings.path("runsPerDay").asDouble())).append(" of a day")
                .append(", traffic ×").append(fmt(settings.path("trafficMultiplier").asDouble()))
                .append(" · prices of ").append(esc(prices.path("region").asText())).append(" on ").append(esc(prices.path("date").asText()))
                .append(" (").append(esc(prices.path("currency").asText())).append(")</p>");
        if (report.path("tables").isEmpty()) html.append("<p>No tables yet.</p>");
        for (JsonNode table : report.path("tables")) table(html, table, prices.path("currency").asText());
        html.append("</main></body></html>");
        return html.toString();
    }

    private static void table(StringBuilder html, JsonNode t, String currency) {
        html.append("<section class=\"table\" data-table=\"").append(esc(t.path("tableName").asText())).append("\">");
        html.append("<h2>").append(esc(t.path("tableName").asText())).append(" <span class=\"muted\">")
                .append(esc(t.path("namespace").asText())).append(" · ").append(esc(t.path("status").asText()))
                .append(t.path("billingMode").isNull() ? "" : " · " + esc(t.path("billingMode").asText())).append("</span></h2>");
        for (JsonNode warning : t.path("warnings")) html.append("<div class=\"warn\">").append(esc(warning.path("message").asText())).append("</div>");
        html.append("<div class=\"kpis\">");
        kpi(html, "Read units", fmt(t.path("readCapacityUnits").asDouble()));
        kpi(html, "Write units", fmt(t.path("writeCapacityUnits").asDouble()));
        kpi(html, "Requests", Long.toString(t.path("requests").asLong()));
        kpi(html, "Items", Long.toString(t.path("itemCount").asLong()));
        kpi(html, "Size", t.path("tableSizeBytes").asLong() + " B");
        kpi(html, "Billed storage", t.path("billedStorageBytes").asLong() + " B");
        kpi(html, "Throttled", Long.toString(t.path("throttledRequests").asLong()));
        html.append("</div>");

        html.append("<h3>Units per second</h3><table class=\"figures\"><tr><th></th><th>total</th><th>peak second</th><th>p50</th><th>p90</th><th>p99</th><th>average</th></tr>");
        rateRow(html, "read", t.path("read"));
        rateRow(html, "write", t.path("write"));
        for (JsonNode index : t.path("indexes")) {
            rateRow(html, index.path("indexName").asText() + " read", index.path("read"));
            rateRow(html, index.path("indexName").asText() + " write", index.path("write"));
        }
        html.append("</table>");
        chart(html, "Read units per second", t.path("charts").path("read"), "#0073bb");
        chart(html, "Write units per second", t.path("charts").path("write"), "#ec7211");

        JsonNode p = t.path("provisioned");
        html.append("<h3>Provisioned capacity that would have served this run</h3><table class=\"figures\">")
                .append("<tr><th></th><th>RCU</th><th>WCU</th></tr>")
                .append("<tr><td>without burst</td><td class=\"n\">").append(p.path("withoutBurst").path("readCapacityUnits").asLong())
                .append("</td><td class=\"n\">").append(p.path("withoutBurst").path("writeCapacityUnits").asLong()).append("</td></tr>")
                .append("<tr><td>with burst</td><td class=\"n\">").append(p.path("withBurst").path("readCapacityUnits").asLong())
                .append("</td><td class=\"n\">").append(p.path("withBurst").path("writeCapacityUnits").asLong()).append("</td></tr>")
                .append("<tr><td>auto scaling at ").append(p.path("autoScaling").path("targetUtilization").asInt()).append("%</td><td class=\"n\">")
                .append(p.path("autoScaling").path("minReadCapacityUnits").asLong()).append("–").append(p.path("autoScaling").path("maxReadCapacityUnits").asLong())
                .append("</td><td class=\"n\">").append(p.path("autoScaling").path("minWriteCapacityUnits").asLong()).append("–")
                .append(p.path("autoScaling").path("maxWriteCapacityUnits").asLong()).append("</td></tr></table>");

        JsonNode cost = t.path("monthlyCost");
        html.append("<h3>Monthly cost</h3><table class=\"figures\">")
                .append("<tr><td>on demand</td><td class=\"n\">").append(money(cost.path("onDemand").asDouble(), currency)).append("</td></tr>")
                .append("<tr><td>provisioned (with burst capacity)</td><td class=\"n\">").append(money(cost.path("provisioned").asDouble(), currency)).append("</td></tr>")
                .append("<tr><td>storage</td><td class=\"n\">").append(money(cost.path("storage").asDouble(), currency)).append("</td></tr>")
                .append("</table>");

        if (!t.path("hotKeys").isEmpty()) {
            html.append("<h3>Most used partition keys</h3><table class=\"figures\"><tr><th>partition key</th><th>read units</th><th>write units</th><th>peak read/s</th><th>peak write/s</th></tr>");
            for (JsonNode key : t.path("hotKeys")) {
                String shown = key.path("partitionKey").isNull() || key.path("partitionKey").isMissingNode()
                        ? "hash " + key.path("partitionHash").asText() : key.path("partitionKey").toString();
                html.append("<tr><td>").append(esc(shown)).append("</td><td class=\"n\">").append(fmt(key.path("readCapacityUnits").asDouble()))
                        .append("</td><td class=\"n\">").append(fmt(key.path("writeCapacityUnits").asDouble()))
                        .append("</td><td class=\"n\">").append(fmt(key.path("peakReadPerSecond").asDouble()))
                        .append("</td><td class=\"n\">").append(fmt(key.path("peakWritePerSecond").asDouble())).append("</td></tr>");
            }
            html.append("</table>");
        }
        for (JsonNode insights : t.path("contributorInsights")) {
            String of = insights.has("IndexName") ? "index " + insights.path("IndexName").asText() : "the table";
            html.append("<h3>Contributor insights of ").append(esc(of)).append(" (").append(esc(insights.path("ContributorInsightsMode").asText()))
                    .append(")</h3>");
            for (JsonNode rule : insights.path("Rules")) {
                html.append("<p class=\"muted\">").append(esc(rule.path("RuleName").asText())).append("</p>");
                if (rule.path("Contributors").isEmpty()) continue;
                html.append("<table class=\"figures\"><tr><th>key</th><th>read units</th><th>write units</th></tr>");
                for (JsonNode c : rule.path("Contributors")) {
                    JsonNode key = c.has("Key") ? c.get("Key") : c.path("PartitionKey");
                    String shown = key.isMissingNode() ? "hash " + c.path("PartitionHash").asText() : key.toString();
                    html.append("<tr><td>").append(esc(shown)).append("</td><td class=\"n\">").append(fmt(c.path("ReadCapacityUnits").asDouble()))
                            .append("</td><td class=\"n\">").append(fmt(c.path("WriteCapacityUnits").asDouble())).append("</td></tr>");
                }
                html.append("</table>");
            }
        }
        sizes(html, "Sizes of the items stored", t.path("itemSizes").path("stored"));
        sizes(html, "Sizes of the items written", t.path("itemSizes").path("written"));
        if (t.has("itemCollections")) {
            html.append("<h3>Largest item collections</h3><table class=\"figures\"><tr><th>partition key</th><th>bytes</th><th>of 10 GB</th></tr>");
            for (JsonNode c : t.path("itemCollections")) {
                html.append("<tr><td>").append(esc(c.path("partitionKey").toString())).append("</td><td class=\"n\">").append(c.path("sizeBytes").asLong())
                        .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.4f%%", c.path("shareOfLimit").asDouble() * 100)).append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("</section>");
    }

    private static void kpi(StringBuilder html, String label, String value) {
        html.append("<span>").append(label).append(": <b>").append(esc(value)).append("</b></span>");
    }

    private static void rateRow(StringBuilder html, String label, JsonNode r) {
        html.append("<tr><td>").append(esc(label)).append("</td>");
        for (String field : new String[] {"total", "peakPerSecond", "p50", "p90", "p99", "averagePerSecond"}) {
            html.append("<td class=\"n\">").append(fmt(r.path(field).asDouble())).append("</td>");
        }
        html.append("</tr>");
    }

    /** Bars of units a second over the run: each point's average, with its busiest second as a tick above. */
    private static void chart(StringBuilder html, String title, JsonNode points, String colour) {
        html.append("<h3>").append(title).append("</h3>");
        if (points.isEmpty()) {
            html.append("<p class=\"muted\">none</p>");
            return;
        }
        double max = 0;
        for (JsonNode p : points) max = Math.max(max, p.path("peak").asDouble());
        if (max <= 0) max = 1;
        int n = points.size();
        double bar = (double) CHART_WIDTH / n;
        html.append("<svg width=\"").append(CHART_WIDTH + 50).append("\" height=\"").append(CHART_HEIGHT + 20)
                .append("\" role=\"img\" aria-label=\"").append(title).append("\">");
        html.append("<text x=\"0\" y=\"10\">").append(fmt(max)).append("</text><text x=\"0\" y=\"").append(CHART_HEIGHT).append("\">0</text>");
        int i = 0;
        for (JsonNode p : points) {
            double average = p.path("units").asDouble() / Math.max(1, p.path("seconds").asLong());
            double h = average / max * (CHART_HEIGHT - 10);
            double x = 45 + i * bar;
            html.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                    x, CHART_HEIGHT - h, Math.max(1, bar - 1), h, colour));
            double peak = p.path("peak").asDouble() / max * (CHART_HEIGHT - 10);
            html.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"1.5\" fill=\"#1d2330\"/>",
                    x, CHART_HEIGHT - peak, Math.max(1, bar - 1)));
            i++;
        }
        long seconds = points.get(0).path("seconds").asLong();
        html.append("<text x=\"45\" y=\"").append(CHART_HEIGHT + 15).append("\">each bar: ").append(seconds)
                .append(seconds == 1 ? " second" : " seconds").append(" (average; the dark tick is its busiest second)</text></svg>");
    }

    private static void sizes(StringBuilder html, String title, JsonNode sizes) {
        html.append("<h3>").append(title).append("</h3>");
        if (sizes.path("items").asLong() == 0) {
            html.append("<p class=\"muted\">none</p>");
            return;
        }
        html.append("<p class=\"muted\">").append(sizes.path("items").asLong()).append(" items, average ")
                .append(sizes.path("averageBytes").asLong()).append(" B, largest ").append(sizes.path("largestBytes").asLong()).append(" B</p>");
        long max = 1;
        for (JsonNode b : sizes.path("buckets")) max = Math.max(max, b.path("items").asLong());
        JsonNode buckets = sizes.path("buckets");
        int width = 46;
        html.append("<svg width=\"").append(buckets.size() * width + 10).append("\" height=\"120\" role=\"img\" aria-label=\"").append(title).append("\">");
        int i = 0;
        for (JsonNode b : buckets) {
            double h = (double) b.path("items").asLong() / max * 80;
            html.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#6b8e23\"/>",
                    i * width + 4, 90 - h, width - 6, h));
            html.append("<text x=\"").append(i * width + 4).append("\" y=\"105\">≤").append(bytes(b.path("upToBytes").asLong())).append("</text>");
            if (b.path("items").asLong() > 0) {
                html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\">%d</text>", i * width + 6, 88 - h, b.path("items").asLong()));
            }
            i++;
        }
        html.append("</svg>");
    }

    private static String bytes(long n) {
        if (n < 1024) return n + "B";
        return (n / 1024) + "K";
    }

    private static String money(double amount, String currency) {
        return String.format(Locale.ROOT, "%,.2f %s", amount, currency);
    }

    private static String fmt(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return String.format(Locale.ROOT, "%,d", (long) value);
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
