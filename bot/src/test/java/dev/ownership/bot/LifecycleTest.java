package dev.ownership.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the lifecycle of the bot's components")
class LifecycleTest {
    private final List<String> steps = new ArrayList<>();

    private Managed component(String name) {
        return Managed.of(name, () -> steps.add("start " + name), () -> steps.add("stop " + name));
    }

    @Test
    @DisplayName("starts in order and stops in reverse, once")
    void shouldStartInOrderAndStopInReverse() {
        Lifecycle lifecycle = new Lifecycle(List.of(component("database"), component("scheduler"), component("web")));

        lifecycle.start();
        lifecycle.stop();
        lifecycle.stop();

        assertThat(steps)
                .containsExactly(
                        "start database",
                        "start scheduler",
                        "start web",
                        "stop web",
                        "stop scheduler",
                        "stop database");
    }

    @Test
    @DisplayName("a component that fails to start stops every component, started or not, and the error names it")
    void shouldStopEverythingWhenOneFails() {
        Managed failing = Managed.of(
                "web server",
                () -> {
                    throw new IOException("port 3000 in use");
                },
                () -> steps.add("stop web server"));
        Lifecycle lifecycle = new Lifecycle(
                List.of(component("database"), component("scheduler"), failing, component("Socket Mode")));

        assertThatThrownBy(lifecycle::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Could not start web server: port 3000 in use");
        assertThat(steps)
                .containsExactly(
                        "start database",
                        "start scheduler",
                        "stop Socket Mode",
                        "stop web server",
                        "stop scheduler",
                        "stop database");
        lifecycle.stop();
        assertThat(steps).as("nothing is stopped twice").hasSize(6);
    }

    @Test
    @DisplayName("a component that fails to stop does not keep the others running")
    void shouldStopTheRestWhenOneFailsToStop() {
        Managed stubborn = Managed.of("scheduler", () -> steps.add("start scheduler"), () -> {
            throw new IllegalStateException("Quartz is stuck");
        });
        Lifecycle lifecycle = new Lifecycle(List.of(component("database"), stubborn, component("web")));

        lifecycle.start();
        lifecycle.stop();

        assertThat(steps)
                .containsExactly("start database", "start scheduler", "start web", "stop web", "stop database");
    }
}
