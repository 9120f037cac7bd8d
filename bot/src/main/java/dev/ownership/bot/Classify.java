package dev.ownership.bot;

import dev.ownership.bot.detection.ClassifyCommand;
import java.io.InputStream;
import java.io.OutputStream;

/** The {@code classify} command: JSON lines in, one classification per line out. */
final class Classify {
    private Classify() {}

    static int run(InputStream in, OutputStream out) {
        return ClassifyCommand.run(in, out);
    }
}
