package dev.ownership.simulator;

/** An {@code ok:false} answer with Slack's error code, thrown by a Web API handler and turned into the response. */
final class SlackError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    SlackError(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
