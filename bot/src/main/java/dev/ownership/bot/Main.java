package dev.ownership.bot;

import dev.ownership.bot.config.Config;
import dev.ownership.bot.config.ConfigException;
import dev.ownership.bot.detection.BlockerDetector;
import dev.ownership.bot.detection.ClassifyCommand;
import dev.ownership.storage.Database;
import dev.ownership.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The command line: {@code serve} (default), {@code demo}, {@code classify}, {@code train EXAMPLES MODEL},
 * {@code backup FILE},
 * {@code --help}, {@code --version}.
 *
 * <p>Exit codes: 0 success, 1 failure, 2 bad usage or configuration.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != OK || !List.of(args).isEmpty() && !"serve".equals(args[0])) {
            System.exit(code);
        }
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        switch (command) {
            case "serve":
                return rest.isEmpty() ? serve(env, err) : usage(err, "serve takes no arguments");
            case "demo":
                quietLogs();
                return dev.ownership.bot.demo.Demo.run(out);
            case "classify":
                quietLogs();
                return classify(env, out, err);
            case "train":
                quietLogs();
                return rest.size() == 2
                        ? train(env, Path.of(rest.get(0)), Path.of(rest.get(1)), out, err)
                        : usage(err, "train takes EXAMPLES and MODEL");
            case "backup":
                return rest.size() == 1
                        ? backup(env, Path.of(rest.get(0)), out, err)
                        : usage(err, "backup takes one FILE");
            case "--help":
            case "-h":
            case "help":
                out.print(usageText());
                return OK;
            case "--version":
            case "-V":
            case "version":
                out.println("ownership " + version());
                return OK;
            default:
                return usage(err, "unknown command '" + command + "'");
        }
    }

    private static int serve(Map<String, String> env, PrintStream err) {
        Config config;
        try {
            config = Config.fromEnvironment(env);
        } catch (ConfigException e) {
            err.println("ownership: " + e.getMessage());
            return USAGE;
        }
        try {
            BlockerDetector.checkEnvironment(env);
        } catch (IllegalArgumentException e) {
            err.println("ownership: " + e.getMessage());
            return USAGE;
        }
        Application application;
        try {
            application = Application.start(config, Clock.systemUTC());
        } catch (RuntimeException e) {
            err.println("ownership: could not start: " + e.getMessage());
            return FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            application.close();
                            stopped.countDown();
                        },
                        "ownership-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private static int classify(Map<String, String> env, PrintStream out, PrintStream err) {
        BlockerDetector detector;
        try {
            detector = BlockerDetector.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            err.println("ownership: " + e.getMessage());
            return USAGE;
        }
        return ClassifyCommand.run(System.in, out, detector);
    }

    private static int train(Map<String, String> env, Path examples, Path model, PrintStream out, PrintStream err) {
        try {
            return dev.ownership.bot.detection.TrainCommand.trainExamples(env, examples, model, out);
        } catch (IllegalArgumentException e) {
            err.println("ownership: " + e.getMessage());
            return USAGE;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            err.println("ownership: could not write " + model + ": " + e.getMessage());
            return FAILED;
        }
    }

    private static int backup(Map<String, String> env, Path target, PrintStream out, PrintStream err) {
        Path source = Path.of(env.getOrDefault(Config.OWNERSHIP_DB, "data/ownership.db"));
        if (!source.toFile().isFile()) {
            err.println("ownership: " + Config.OWNERSHIP_DB + ": no database at " + source.toAbsolutePath());
            return USAGE;
        }
        try (Database database = Database.open(source)) {
            database.backupTo(target);
            out.println("Backed up " + source.toAbsolutePath() + " to " + target.toAbsolutePath());
            return OK;
        } catch (StorageException e) {
            err.println("ownership: backup failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("ownership: " + problem);
        err.print(usageText());
        return USAGE;
    }

    static String usageText() {
        return """
                Usage: java -jar ownership-bot.jar [COMMAND]

                Commands:
                  serve        run the bot (default): Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT
                  demo         run the bot against a built-in Slack simulator and print a transcript of a week
                  classify     read JSON lines {"id","text"} on stdin, write one classification per line
                  backup FILE  write a consistent copy of the database (OWNERSHIP_DB) to FILE, also while running
                  train EXAMPLES MODEL
                               train the detector on the built-in corpus plus your labelled EXAMPLES (JSON lines
                               {"text","label"}) and write MODEL, to load with OWNERSHIP_DETECTION_MODEL
                  --help       this text
                  --version    the version

                Environment (serve): SLACK_BOT_TOKEN (required), SLACK_SIGNING_SECRET (required in HTTP mode),
                SLACK_APP_TOKEN, SLACK_API_URL, PORT, OWNERSHIP_DB, OWNERSHIP_ADMINS, OWNERSHIP_NUDGE_GRACE,
                OWNERSHIP_NUDGE_DAILY_LIMIT, OWNERSHIP_RETENTION, OWNERSHIP_NUDGE_CONFIDENCE,
                OWNERSHIP_DETECTION_MODEL, OWNERSHIP_DETECTION_EXAMPLES, OWNERSHIP_DETECTION_LEXICON. See README.md.
                """;
    }

    /** The Maven project version, filtered into {@code version.properties} when the jar is built. */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "development build" : version;
        } catch (IOException e) {
            return "development build";
        }
    }

    private static void quietLogs() {
        if (System.getProperty("ownership.log.level") == null) {
            System.setProperty("ownership.log.level", "WARN");
        }
    }
}
