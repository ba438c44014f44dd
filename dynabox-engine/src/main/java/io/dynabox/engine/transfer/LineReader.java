package io.dynabox.engine.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream, one at a time, in a buffer reused from line to line (it grows to the
 * longest line), so that reading a file of any size holds one line and one block of the stream.
 * A line ends at {@code \n}; the last one may end at the end of the stream. A line longer than
 * {@link #MAX_LINE} bytes (far more than any item of 400 KB takes in DynamoDB JSON) is cut there,
 * so that its reader sees it is not an item, and the memory stays bounded.
 */
final class LineReader {
    static final int MAX_LINE = 16 << 20;
    private final InputStream in;
    private final byte[] block = new byte[1 << 16];
    private int blockStart;
    private int blockEnd;
    private byte[] line = new byte[1 << 12];
    private boolean ended;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line's length (its bytes are the first ones of {@link #buffer()}, without the {@code \n}), or -1 at the end. */
    int next() throws IOException {
        int length = 0;
        while (true) {
            if (blockStart == blockEnd) {
                if (ended) return length > 0 ? length : -1;
                int read = in.read(block, 0, block.length);
                if (read < 0) {
                    ended = true;
                    continue;
                }
                blockStart = 0;
                blockEnd = read;
            }
            int newline = blockStart;
            while (newline < blockEnd && block[newline] != '\n') newline++;
            int take = Math.min(newline - blockStart, MAX_LINE - length);
            if (length + take > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, length + take));
            System.arraycopy(block, blockStart, line, length, take);
            length += take;
            if (newline < blockEnd) {
                blockStart = newline + 1;
                return length;
            }
            blockStart = blockEnd;
        }
    }

    /** The bytes of the line {@link #next()} answered. */
    byte[] buffer() {
        return line;
    }
}
