package dev.ownership.storage.prompt;

import java.util.Locale;

/** Where something shared came from: a command, an answer to a prompt, or the App Home tab. */
public enum ShareSource {
    COMMAND,
    PROMPT,
    HOME;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
