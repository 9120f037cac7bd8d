package dev.ownership.benchmarks;

import dev.ownership.simulator.SlackSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The real bot as its own process, started the way {@link LoadDriver} starts it (the shaded jar, the container's JVM
 * flags, a class data sharing archive made by a demo run), plus {@link LargeOrgTickAgent} to time its Quartz jobs.
 * Not thread-safe.
 */
final class LargeOrgBot {
    static final String SECRET = "largeorg-signing-secret";

    private final Path jar;
    private final Path directory;
    private final Path classArchive;
    private final Path agentJar;
    private final Path ticks;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int port;
    private int starts;

    private LargeOrgBot(Path jar, Path directory, Path classArchive, Path agentJar) {
        this.jar = jar;
        this.directory = directory;
        this.classArchive = classArchive;
        this.agentJar = agentJar;
        this.ticks = directory.resolve("ticks.txt");
    }

    /** Makes the class data sharing archive and the agent's jar in {@code directory}. */
    static LargeOrgBot prepare(Path jar, Path directory) throws IOException, InterruptedException {
        Path archive = LoadDriver.trainClassArchive(jar, directory);
        return new LargeOrgBot(jar, directory, archive, agentJar(directory));
    }

    /** The agent's classes in a jar of their own whose manifest names its {@code premain}. */
    private static Path agentJar(Path directory) throws IOException {
        Path agent = directory.resolve("largeorg-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), LargeOrgTickAgent.class.getName());
        try (OutputStream file = Files.newOutputStream(agent);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (String name : List.of("LargeOrgTickAgent.class", "LargeOrgTickAgent$Recorder.class")) {
                String path = "dev/ownership/benchmarks/" + name;
                try (InputStream in = LargeOrgTickAgent.class.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IOException("not on the class path: " + path);
                    }
                    out.putNextEntry(new JarEntry(path));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return agent;
    }

    Path ticksFile() {
        return ticks;
    }

    Path log() {
        return directory.resolve("bot-" + starts + ".log");
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /**
     * Starts the bot on a free port and waits for {@code GET /healthz} to answer 200.
     *
     * @return the time from starting the process to that answer
     */
    Duration start(SlackSimulator sim, Path database, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        return start(sim, database, extraEnvironment, true);
    }

    /** Like {@link #start(SlackSimulator, Path, Map)}, with or without the agent. */
    Duration start(SlackSimulator sim, Path database, Map<String, String> extraEnvironment, boolean withAgent)
            throws IOException, InterruptedException {
        starts++;
        port = LoadDriver.freePort();
        List<String> command = new ArrayList<>(List.of(LoadDriver.java()));
        command.add("-XX:SharedArchiveFile=" + classArchive);
        command.addAll(LoadDriver.CONTAINER_FLAGS);
        if (withAgent) {
            command.add("-javaagent:" + agentJar + "=" + ticks);
        }
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile());
        builder.environment().put("SLACK_BOT_TOKEN", SlackSimulator.BOT_TOKEN);
        builder.environment().put("SLACK_SIGNING_SECRET", SECRET);
        builder.environment().put("SLACK_API_URL", sim.apiUrl());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("OWNERSHIP_DB", database.toString());
        builder.environment().put("OWNERSHIP_ADMINS", LargeOrgWorld.ADMIN);
        builder.environment().remove("SLACK_APP_TOKEN");
        builder.environment().putAll(extraEnvironment);
        long started = System.nanoTime();
        process = builder.start();
        return awaitHealthy(started);
    }

    private Duration awaitHealthy(long startedNanos) throws InterruptedException {
        long deadline = startedNanos + Duration.ofSeconds(120).toNanos();
        URI health = URI.create("http://127.0.0.1:" + port + "/healthz");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The bot exited with " + process.exitValue() + "; see " + log());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("The bot never became healthy; see " + log());
    }

    /**
     * Stops the bot gracefully (SIGTERM) and waits for it to exit, killing it after 120 s.
     *
     * @return how long it took to exit
     */
    Duration stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return Duration.ZERO;
        }
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Kills the bot (SIGKILL), as a crash would; SQLite's write-ahead log keeps the file consistent. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A field of {@code /proc/PID/status} in KiB ({@code VmRSS}, {@code VmHWM}), or -1 once the bot has exited. */
    long memoryKiB(String field) {
        try {
            return LoadDriver.memoryKiB(process, field);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}
