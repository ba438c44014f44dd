package io.dynabox.tests.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** README.md of the repository, read as its fenced blocks and tables, for the tests that keep it true. */
public final class Readme {
    /** The line that marks the next fenced block as one the build runs. */
    public static final String TESTED = "<!-- tested -->";

    /**
     * A fenced block: its info string ({@code bash}, {@code java}, ...), its text, the README line
     * it starts on, and whether the line before its fence is {@link #TESTED}.
     */
    public record Block(String info, String text, int line, boolean tested) {
        public String language() {
            int space = info.indexOf(' ');
            return space < 0 ? info : info.substring(0, space);
        }
    }

    private final List<String> lines;

    private Readme(List<String> lines) {
        this.lines = lines;
    }

    public static Readme read() {
        try {
            return new Readme(Files.readAllLines(repositoryRoot().resolve("README.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's root: the tests run in their module's directory, one level below it. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw")))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
        return dir;
    }

    public List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) continue;
            String info = line.substring(3).trim();
            int start = i + 1;
            StringBuilder text = new StringBuilder();
            for (i = start; i < lines.size() && !lines.get(i).startsWith("```"); i++) text.append(lines.get(i)).append('\n');
            boolean tested = start >= 2 && lines.get(start - 2).strip().equals(TESTED);
            blocks.add(new Block(info, text.toString(), start, tested));
        }
        return blocks;
    }

    /** The first Markdown table under the heading {@code ## heading}: first column to second column, in order. */
    public Map<String, String> table(String heading) {
        int at = lines.indexOf("## " + heading);
        if (at < 0) throw new IllegalStateException("README has no section ## " + heading);
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (int i = at + 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("|")) {
                inTable = true;
                String[] cells = line.split("\\|");
                if (cells.length < 3 || cells[1].trim().startsWith("---")) continue;
                rows.put(cells[1].trim(), cells[2].trim());
            } else if (inTable || line.startsWith("## ")) {
                break;
            }
        }
        rows.remove(rows.keySet().iterator().next()); // the header row
        return rows;
    }
}
