package io.dynabox.tests.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's Java and XML cannot drift: every {@code ```java} block is a run of lines (indentation
 * and blank lines aside) of a Java file the build compiles, in {@code examples/} or in this
 * package's {@code snippets}, and every {@code ```xml} block a run of lines of an example's pom.xml.
 */
class ReadmeSnippetTest {
    static final List<String> SOURCES = List.of("examples", "dynabox-tests/src/test/java/io/dynabox/tests/readme/snippets");

    @Test
    void everyJavaAndXmlBlockIsPartOfACompiledFile() throws IOException {
        List<List<String>> javaFiles = linesOf(".java");
        List<List<String>> poms = linesOf("pom.xml");
        int checked = 0;
        for (Readme.Block block : Readme.read().blocks()) {
            List<List<String>> sources = switch (block.language()) {
                case "java" -> javaFiles;
                case "xml" -> poms;
                default -> null;
            };
            if (sources == null) continue;
            List<String> wanted = significant(List.of(block.text().split("\n")));
            assertThat(sources.stream().anyMatch(file -> contains(file, wanted)))
                    .as("README line %d: this %s block is not a run of lines of any file in %s:%n%s",
                            block.line(), block.language(), SOURCES, block.text())
                    .isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    private static List<List<String>> linesOf(String suffix) throws IOException {
        List<List<String>> files = new ArrayList<>();
        for (String dir : SOURCES) {
            try (Stream<Path> paths = Files.walk(Readme.repositoryRoot().resolve(dir))) {
                paths.filter(p -> p.toString().endsWith(suffix) && !p.toString().contains("/target/")).forEach(p -> {
                    try {
                        files.add(significant(Files.readAllLines(p)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return files;
    }

    private static List<String> significant(List<String> lines) {
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static boolean contains(List<String> file, List<String> run) {
        return !run.isEmpty() && java.util.Collections.indexOfSubList(file, run) >= 0;
    }
}
