package dev.ownership.bot.config;

/** A required environment variable is missing or malformed; the message names it and what is expected. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String variable;

    ConfigException(String variable, String message) {
        super(variable + ": " + message);
        this.variable = variable;
    }

    /** The variable at fault. */
    public String variable() {
        return variable;
    }
}
