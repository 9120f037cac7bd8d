package dev.ownership.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Answers one Web API method: returns the {@code ok:true} body, or throws {@link SlackError} for {@code ok:false}. */
@FunctionalInterface
interface MethodHandler {
    ObjectNode handle(ApiRequest request);
}
