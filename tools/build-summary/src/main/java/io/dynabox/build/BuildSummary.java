package io.dynabox.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The last lines of the build, for a newcomer: how many tests ran in each module and whether
 * they all passed. Counts the surefire reports this build wrote (those older than its start are
 * left over from earlier builds).
 */
public final class BuildSummary {
    private static final Pattern SUITE = Pattern.compile("<testsuite [^>]*>");

    private BuildSummary() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        long buildStart = Long.parseLong(args[1]);
        Map<String, int[]> modules = new TreeMap<>();
        try (Stream<Path> reports = Files.find(root, 6, (path, attributes) -> path.getFileName().toString().matches("TEST-.*\\.xml")
                && path.getParent().getFileName().toString().equals("surefire-reports")
                && attributes.lastModifiedTime().toMillis() >= buildStart)) {
            for (Path report : (Iterable<Path>) reports::iterator) {
                String module = root.relativize(report.getParent().getParent().getParent()).toString();
                int[] counts = modules.computeIfAbsent(module, m -> new int[4]);
                Matcher suite = SUITE.matcher(Files.readString(report));
                if (!suite.find()) continue;
                counts[0] += attribute(suite.group(), "tests");
                counts[1] += attribute(suite.group(), "failures");
                counts[2] += attribute(suite.group(), "errors");
                counts[3] += attribute(suite.group(), "skipped");
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

    private static int attribute(String element, String name) {
        Matcher value = Pattern.compile(" " + name + "=\"(\\d+)\"").matcher(element);
        return value.find() ? Integer.parseInt(value.group(1)) : 0;
    }
}
