# Ownership: one jar, one SQLite file under /data. See docs/OPERATIONS.md ("Run with Docker Compose").
#   docker build -t ownership .
#   docker run --env-file .env -v ownership-data:/data -p 127.0.0.1:3000:3000 ownership

# The release, for the image's org.opencontainers.image.version label: the Maven project version, which the build
# below checks against the jar's --version (a mismatch fails the build). A release changes it in the poms and here
# together; ReleaseTest keeps them equal. docs/OPERATIONS.md ("Versions and upgrades").
ARG VERSION=0.1.0

# ---- build -------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src

# Wrapper and poms first, so that dependencies are downloaded again only when a pom changes.
# The warm-up packages the empty modules rather than running dependency:go-offline: go-offline stumbles on
# the reactor's own modules and resolves some transitive versions differently from the real build (it missed
# the Kotlin pins of the parent pom), so the real build would still go online. Packaging the poms alone
# resolves exactly what the real build needs, plugins included.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY storage/pom.xml storage/
COPY scheduler/pom.xml scheduler/
COPY slack-simulator/pom.xml slack-simulator/
COPY bot/pom.xml bot/
COPY benchmarks/pom.xml benchmarks/
RUN ./mvnw -B -q -DskipTests -Dexec.skip=true -pl bot -am package \
    && rm -rf storage/target scheduler/target slack-simulator/target bot/target

COPY . .
ARG VERSION
RUN ./mvnw -B -DskipTests -pl bot -am package \
    && built="$(java -jar bot/target/ownership-bot.jar --version)" \
    && if [ "$built" != "ownership $VERSION" ]; then \
        echo "The jar says '$built' but the image would be labelled $VERSION: pass --build-arg VERSION=<the pom version>" >&2; \
        exit 1; \
    fi

# ---- run ---------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
ARG VERSION

LABEL org.opencontainers.image.title="Ownership" \
      org.opencontainers.image.description="A self-hosted Slack app that coaches engineers toward senior habits" \
      org.opencontainers.image.version="${VERSION}"

# The health check uses curl. Temurin's Ubuntu images ship curl today, so this layer normally installs
# nothing; it installs curl only if a future base image drops it, rather than leaving the check silently
# broken. (A java-based probe would start a second JVM every 30 s inside a 256 MiB limit.)
RUN set -eux; \
    if ! command -v curl >/dev/null; then \
        apt-get update; \
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl; \
        rm -rf /var/lib/apt/lists/*; \
    fi; \
    groupadd --system --gid 10001 ownership; \
    useradd --system --uid 10001 --gid ownership --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin ownership; \
    mkdir -p /data; \
    chown ownership:ownership /data

WORKDIR /app
# Owned by root and read-only for the bot's user: the process cannot change its own code.
COPY --from=build /src/bot/target/ownership-bot.jar /app/ownership-bot.jar

# Class data sharing: a training run of the built-in demo (the whole bot against its own simulator, on loopback, no
# token, exits 0) records the classes that start-up loads; the bot then maps them from this archive instead of
# loading and verifying them again (start-up to healthy about 1.2 s instead of 1.8 s on 2 cores; see
# docs/BENCHMARKS.md). Made here, with this image's JVM: an archive from another JVM is ignored with a warning. The
# archive only speeds start-up up, so the image is still built without it if the training run fails (the JVM then
# ignores the flag that names the missing file).
RUN java -XX:+UseSerialGC -XX:ArchiveClassesAtExit=/app/ownership.jsa -jar /app/ownership-bot.jar demo > /dev/null \
    || { echo "warning: no class data sharing archive; the bot starts without it" >&2; rm -f /app/ownership.jsa; }

# Sized for a container limited to about 256 MiB; docs/OPERATIONS.md ("JVM flags") explains each flag.
# Override JAVA_OPTS (e.g. in .env) to change them; PORT and the OWNERSHIP_* variables are read by the bot.
ENV JAVA_OPTS="-XX:SharedArchiveFile=/app/ownership.jsa -XX:+UseSerialGC -XX:MaxRAMPercentage=50 -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError" \
    OWNERSHIP_DB=/data/ownership.db

# Declared after the chown: a new named volume is seeded from the image, owner included.
VOLUME ["/data"]
USER 10001:10001
EXPOSE 3000

# /healthz answers 200 once the database and the scheduler are up. The start period covers JVM start-up and
# database migrations.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT:-3000}/healthz" || exit 1

# exec makes java PID 1, so it receives SIGTERM from `docker stop` directly and shuts down gracefully.
# Arguments after the image name replace CMD: `docker run ... ownership backup /data/backup.db`.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/ownership-bot.jar \"$@\"", "--"]
CMD ["serve"]
