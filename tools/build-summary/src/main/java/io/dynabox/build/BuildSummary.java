package io.dynabox.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The last lines of the build, for a newcomer: how many tests ran in each module and whether
 * they all passed. Counts the surefire reports this build wrote (those older than its start are
 * left over from earlier builds).
 */
public final class BuildSummary {
    private BuildSummary() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        // exec:java runs in Maven's own JVM: its start is the build's
        long buildStart = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        Map<String, int[]> modules = new TreeMap<>();
        try (Stream<Path> reports = Files.find(root, 6, (path, attributes) -> path.getFileName().toString().matches("TEST-.*\\.xml")
                && path.getParent().getFileName().toString().equals("surefire-reports")
                && attributes.lastModifiedTime().toMillis() >= buildStart)) {
            for (Path report : (Iterable<Path>) reports::iterator) {
                String module = root.relativize(report.getParent().getParent().getParent()).toString();
                int[] counts = modules.computeIfAbsent(module, m -> new int[4]);
                // test cases, not the suite's attributes: a @ParameterizedClass suite says tests="0" around its cases
                String xml = Files.readString(report);
                counts[0] += occurrences(xml, "<testcase ");
                counts[1] += occurrences(xml, "<failure");
                counts[2] += occurrences(xml, "<error");
                counts[3] += occurrences(xml, "<skipped");
            }
        }
        int tests = 0, failed = 0, skipped = 0;
        StringBuilder perModule = new StringBuilder();
        for (Map.Entry<String, int[]> module : modules.entrySet()) {
            int[] c = module.getValue();
            tests += c[0];
            failed += c[1] + c[2];
            skipped += c[3];
            perModule.append(String.format("  %-28s %5d tests%s%n", module.getKey(), c[0],
                    c[1] + c[2] > 0 ? ", " + (c[1] + c[2]) + " FAILED" : c[3] > 0 ? ", " + c[3] + " skipped" : ""));
        }
        String rule = "-".repeat(72);
        System.out.println(rule);
        if (tests == 0) {
            System.out.println("No tests ran in this build.");
        } else {
            System.out.print(perModule);
            System.out.println(failed == 0 ? "All " + (tests - skipped) + " tests passed." : failed + " of " + tests + " tests FAILED: see above.");
            System.out.println("Tests: " + (tests - failed - skipped) + " passed, " + failed + " failed, " + skipped + " skipped");
        }
        System.out.println(rule);
    }

    private static int occurrences(String text, String tag) {
        int count = 0;
        for (int at = text.indexOf(tag); at >= 0; at = text.indexOf(tag, at + tag.length())) count++;
        return count;
    }
}
