package dev.ownership.benchmarks;

import com.slack.api.app_backend.SlackSignature;
import dev.ownership.simulator.SimChannel;
import dev.ownership.simulator.SimUser;
import dev.ownership.simulator.SlackSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends signed Events API requests at a chosen concurrency to the real bot (the shaded jar, as a separate process
 * with the container's JVM flags) and, in the same run, to a bare Bolt app on the same Jetty as the floor; reports
 * throughput and ack latency for both, the bot's start-up time to healthy, and its resident memory.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.ownership.benchmarks.LoadDriver
 * [concurrency=16] [seconds=20] [rate=0 (unlimited, per second)] [warm-up seconds=20]}: each app is loaded for the
 * warm-up first (unmeasured, so that both run JIT-compiled code), then measured. Only loopback is ever contacted.
 */
public final class LoadDriver {
    /**
     * The JVM flags of the Dockerfile, with the 256 MiB container limit they are sized for made explicit; the bot also
     * gets the Dockerfile's class data sharing archive, made the same way (the floor has no such archive: only the
     * bot's start-up is measured).
     */
    static final List<String> CONTAINER_FLAGS = List.of(
            "-XX:MaxRAM=256m",
            "-XX:+UseSerialGC",
            "-XX:MaxRAMPercentage=50",
            "-XX:MaxMetaspaceSize=128m",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:+ExitOnOutOfMemoryError");

    private static final String SECRET = "load-signing-secret";
    private static final String CHANNEL = "C0LOAD001";
    private static final String ADMIN = "U0LOADADM";
    private static final int USERS = 200;
    /** {@code getconf CLK_TCK}: the unit of {@code /proc/PID/stat}'s CPU times; 100 on Linux. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final SlackSignature.Generator signatures = new SlackSignature.Generator(SECRET);
    private final AtomicLong sequence = new AtomicLong();

    private LoadDriver() {}

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int warmUpSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        new LoadDriver().run(concurrency, Duration.ofSeconds(seconds), rate, Duration.ofSeconds(warmUpSeconds));
    }

    private void run(int concurrency, Duration duration, int rate, Duration warmUp) throws Exception {
        Path jar = Path.of("bot/target/ownership-bot.jar");
        Path benchJar = Path.of("benchmarks/target/benchmarks.jar");
        if (!Files.exists(jar) || !Files.exists(benchJar)) {
            throw new IllegalStateException(
                    "Build first: ./mvnw -B -q -DskipTests package (run from the repository root)");
        }
        Path directory = Files.createTempDirectory("ownership-load");
        try (SlackSimulator sim = SlackSimulator.start()) {
            sim.workspace().addUser(SimUser.person(ADMIN, "admin", "UTC").asAdmin());
            String[] members = new String[USERS + 1];
            members[0] = ADMIN;
            for (int i = 0; i < USERS; i++) {
                members[i + 1] = user(i);
                sim.workspace().addUser(SimUser.person(user(i), "user" + i, "UTC"));
            }
            sim.workspace().addChannel(SimChannel.publicChannel(CHANNEL, "standup", members));

            Path classArchive = trainClassArchive(jar, directory);
            int botPort = freePort();
            long startedAt = System.nanoTime();
            Process bot = startBot(jar, botPort, sim, directory, classArchive);
            Duration startUp = awaitHealthy(botPort, startedAt);
            watch(botPort, sim);
            Result warmBot = load(bot, botPort, concurrency, warmUp, rate);
            Result botResult = load(bot, botPort, concurrency, duration, rate);
            long rssKiB = memoryKiB(bot, "VmRSS");
            long peakKiB = memoryKiB(bot, "VmHWM");
            bot.destroy();
            bot.waitFor(30, TimeUnit.SECONDS);

            int barePort = freePort();
            Process bare = startBare(benchJar, barePort, sim);
            awaitHealthy(barePort, System.nanoTime());
            load(bare, barePort, concurrency, warmUp, rate);
            Result bareResult = load(bare, barePort, concurrency, duration, rate);
            bare.destroy();
            bare.waitFor(30, TimeUnit.SECONDS);

            report(concurrency, duration, rate, startUp, warmBot, botResult, bareResult, rssKiB, peakKiB);
        } finally {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * As the Dockerfile does: one run of the demo records the classes start-up loads into a class data sharing
     * archive, which the bot then maps ({@code -XX:SharedArchiveFile}).
     */
    static Path trainClassArchive(Path jar, Path directory) throws IOException, InterruptedException {
        Path archive = directory.resolve("ownership.jsa");
        Process training = new ProcessBuilder(
                        java(),
                        "-XX:+UseSerialGC",
                        "-XX:ArchiveClassesAtExit=" + archive,
                        "-jar",
                        jar.toString(),
                        "demo")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!training.waitFor(120, TimeUnit.SECONDS) || training.exitValue() != 0 || !Files.exists(archive)) {
            training.destroyForcibly();
            throw new IllegalStateException("The demo run that makes the class data sharing archive failed");
        }
        return archive;
    }

    private Process startBot(Path jar, int port, SlackSimulator sim, Path directory, Path classArchive)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.add("-XX:SharedArchiveFile=" + classArchive);
        command.addAll(CONTAINER_FLAGS);
        // Extra flags for the bot only, e.g. -Downership.load.botFlags=-XX:StartFlightRecording=filename=bot.jfr
        String extra = System.getProperty("ownership.load.botFlags", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("bot.log").toFile());
        builder.environment().put("SLACK_BOT_TOKEN", SlackSimulator.BOT_TOKEN);
        builder.environment().put("SLACK_SIGNING_SECRET", SECRET);
        builder.environment().put("SLACK_API_URL", sim.apiUrl());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment()
                .put("OWNERSHIP_DB", directory.resolve("ownership.db").toString());
        builder.environment().put("OWNERSHIP_ADMINS", ADMIN);
        builder.environment().remove("SLACK_APP_TOKEN");
        return builder.start();
    }

    private Process startBare(Path benchJar, int port, SlackSimulator sim) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(CONTAINER_FLAGS);
        command.addAll(List.of(
                "-cp",
                benchJar.toString(),
                BareBoltServer.class.getName(),
                Integer.toString(port),
                SECRET,
                SlackSimulator.BOT_TOKEN,
                sim.apiUrl()));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private Duration awaitHealthy(int port, long startedAt) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedAt);
                }
            } catch (IOException notYet) {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("Port " + port + " never became healthy");
    }

    private void watch(int port, SlackSimulator sim) throws IOException, InterruptedException {
        String form = "token=x&team_id=T0SIM&team_domain=sim&channel_id=" + CHANNEL + "&channel_name=standup&user_id="
                + ADMIN + "&user_name=admin&command=%2Fownership&text=watch&api_app_id=A0SIM&response_url="
                + java.net.URLEncoder.encode(sim.newResponseUrl(), java.nio.charset.StandardCharsets.UTF_8)
                + "&trigger_id=1.2.3";
        send(port, form, "application/x-www-form-urlencoded");
        sim.awaitCall("response_url", Duration.ofSeconds(30));
    }

    private Result load(Process server, int port, int concurrency, Duration duration, int rate) throws Exception {
        long serverCpuBefore = cpuNanos(server);
        long driverCpuBefore = driverCpuNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + duration.toNanos();
        long intervalNanos = rate > 0 ? 1_000_000_000L * concurrency / rate : 0;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int worker = 0; worker < concurrency; worker++) {
            futures.add(workers.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                long next = System.nanoTime();
                while (System.nanoTime() < end) {
                    if (intervalNanos > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        next += intervalNanos;
                    }
                    long started = System.nanoTime();
                    int status;
                    try {
                        status = send(port, event(), "application/json");
                    } catch (IOException e) {
                        status = -1; // refused, reset or timed out: a failed request, not the end of the run
                    }
                    long took = System.nanoTime() - started;
                    latencies.add(status == 200 ? took : -took);
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<Long> all = new ArrayList<>();
        long failures = 0;
        try {
            for (Future<long[]> future : futures) {
                for (long latency : future.get()) {
                    if (latency < 0) {
                        failures++;
                    } else {
                        all.add(latency);
                    }
                }
            }
        } finally {
            workers.shutdownNow();
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(
                sorted.length,
                failures,
                duration,
                sorted,
                cpuNanos(server) - serverCpuBefore,
                driverCpuNanos() - driverCpuBefore);
    }

    private int send(int port, String body, String contentType) throws IOException, InterruptedException {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                        .header("Content-Type", contentType)
                        .header("X-Slack-Request-Timestamp", timestamp)
                        .header("X-Slack-Signature", signatures.generate(timestamp, body))
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    private String event() {
        long n = sequence.incrementAndGet();
        String ts = (1_795_400_000L + n / 1_000) + "." + String.format(Locale.ROOT, "%06d", n % 1_000_000);
        String text = n % 5 == 0
                ? "*Yesterday:* api work\\n*Today:* tests\\n*Blockers:* waiting on the platform team for access"
                : "*Yesterday:* api work\\n*Today:* tests\\n*Blockers:* none";
        return "{\"token\":\"x\",\"team_id\":\"T0SIM\",\"api_app_id\":\"A0SIM\",\"type\":\"event_callback\","
                + "\"event_id\":\"EvLOAD" + n + "\",\"event_time\":" + (System.currentTimeMillis() / 1000)
                + ",\"authorizations\":[{\"team_id\":\"T0SIM\",\"user_id\":\"U0BOT\",\"is_bot\":true}],"
                + "\"event\":{\"type\":\"message\",\"channel\":\"" + CHANNEL + "\",\"channel_type\":\"channel\","
                + "\"user\":\"" + user((int) (n % USERS)) + "\",\"text\":\"" + text + "\",\"ts\":\"" + ts
                + "\",\"event_ts\":\"" + ts + "\"}}";
    }

    private void report(
            int concurrency,
            Duration duration,
            int rate,
            Duration startUp,
            Result warm,
            Result bot,
            Result bare,
            long rssKiB,
            long peakKiB) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Load: %d concurrent connections, %d s per run, rate %s%n",
                concurrency,
                duration.toSeconds(),
                rate > 0 ? rate + "/s" : "unlimited");
        System.out.println("| app | requests | failed | throughput (req/s) | ack p50 (ms) | ack p99 (ms) | ack max (ms)"
                + " | server CPU/request (µs) | driver CPU/request (µs) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        System.out.println(bot.row("Ownership bot"));
        System.out.println(bare.row("bare Bolt app (floor)"));
        System.out.printf(
                Locale.ROOT,
                "Bot throughput relative to the floor: %.1f%%%n",
                100.0 * bot.throughput() / bare.throughput());
        System.out.printf(Locale.ROOT, "Bot start-up to healthy: %d ms%n", startUp.toMillis());
        System.out.printf(
                Locale.ROOT,
                "Bot resident memory after the run: %.1f MiB (peak %.1f MiB)%n",
                rssKiB / 1024.0,
                peakKiB / 1024.0);
        System.out.println(
                "JVM flags: -XX:SharedArchiveFile=(made by a demo run) " + String.join(" ", CONTAINER_FLAGS));
        System.out.println("(warm-up run, not counted: " + warm.requests() + " requests)");
    }

    static long memoryKiB(Process process, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String user(int i) {
        return String.format(Locale.ROOT, "U1%07d", i);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** CPU time (user and system) a process has used so far, from {@code /proc/PID/stat}, in nanoseconds. */
    static long cpuNanos(Process process) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
    }

    private static long driverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private record Result(
            long requests,
            long failures,
            Duration duration,
            long[] sortedNanos,
            long serverCpuNanos,
            long driverCpuNanos) {
        double serverCpuMicrosPerRequest() {
            return serverCpuNanos / 1000.0 / Math.max(1, requests + failures);
        }

        double driverCpuMicrosPerRequest() {
            return driverCpuNanos / 1000.0 / Math.max(1, requests + failures);
        }

        double throughput() {
            return requests / (double) duration.toSeconds();
        }

        double percentileMillis(double percentile) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(percentile / 100 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1_000_000.0;
        }

        String row(String name) {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.0f | %.0f |",
                    name,
                    requests,
                    failures,
                    throughput(),
                    percentileMillis(50),
                    percentileMillis(99),
                    percentileMillis(100),
                    serverCpuMicrosPerRequest(),
                    driverCpuMicrosPerRequest());
        }
    }
}
