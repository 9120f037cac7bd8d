package dev.ownership.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.methods.MethodsRateLimitTier;
import com.slack.api.methods.MethodsRateLimits;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Rate limits")
class RateLimitsTest {

    @Nested
    @DisplayName("Slack's tiers")
    class Tiers {
        @Test
        void matchTheTiersTheSlackSdkDocumentsForEveryMethodServed() {
            RateLimits tiers = RateLimits.slackTiers();

            tiers.methods().forEach((method, limit) -> {
                MethodsRateLimitTier documented = MethodsRateLimits.lookupRateLimitTier(method);
                assertThat(limit.permits())
                        .as(method)
                        .isEqualTo(MethodsRateLimitTier.getAllowedRequestsPerMinute(documented));
                assertThat(limit.window()).as(method).isEqualTo(Duration.ofMinutes(1));
            });
            assertThat(tiers.methods()).hasSize(22).doesNotContainKey("chat.postMessage");
            assertThat(tiers.postMessagePerChannel()).isEqualTo(new RateLimits.Limit(3, Duration.ofSeconds(3)));
        }

        @Test
        void scalingShrinksWindowsAndKeepsPermits() {
            RateLimits scaled = RateLimits.slackTiers().scaled(0.05);

            assertThat(scaled.limitFor("users.list")).contains(new RateLimits.Limit(20, Duration.ofSeconds(3)));
            assertThat(scaled.postMessagePerChannel().window()).isEqualTo(Duration.ofMillis(150));
            assertThatThrownBy(() -> RateLimits.slackTiers().scaled(0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void offLimitsNothing() {
            assertThat(RateLimits.off().isOff()).isTrue();
            assertThat(RateLimits.off().limitFor("users.list")).isEmpty();
        }
    }

    @Nested
    @DisplayName("the sliding window")
    class SlidingWindow {
        private final AtomicLong nanos = new AtomicLong();
        private final RateLimiter limiter = new RateLimiter(nanos::get);

        @Test
        void refusesPastThePermitsAndSaysHowLongToWait() {
            limiter.enforce(RateLimits.off().with("users.list", new RateLimits.Limit(2, Duration.ofSeconds(10))));

            assertThat(limiter.tryAcquire("users.list", null)).isEmpty();
            nanos.addAndGet(Duration.ofSeconds(4).toNanos());
            assertThat(limiter.tryAcquire("users.list", null)).isEmpty();

            assertThat(limiter.tryAcquire("users.list", null)).contains(Duration.ofSeconds(6));
        }

        @Test
        void letsCallsThroughAgainOnceTheOldestLeavesTheWindow() {
            limiter.enforce(RateLimits.off().with("users.list", new RateLimits.Limit(1, Duration.ofSeconds(10))));
            limiter.tryAcquire("users.list", null);
            assertThat(limiter.tryAcquire("users.list", null)).isPresent();

            nanos.addAndGet(Duration.ofSeconds(10).toNanos());

            assertThat(limiter.tryAcquire("users.list", null)).isEmpty();
        }

        @Test
        void refusedCallsDoNotCount() {
            limiter.enforce(RateLimits.off().with("users.list", new RateLimits.Limit(1, Duration.ofSeconds(10))));
            limiter.tryAcquire("users.list", null);
            nanos.addAndGet(Duration.ofSeconds(9).toNanos());
            limiter.tryAcquire("users.list", null);

            nanos.addAndGet(Duration.ofSeconds(1).toNanos());

            assertThat(limiter.tryAcquire("users.list", null)).isEmpty();
        }

        @Test
        void postMessageCountsPerChannel() {
            limiter.enforce(RateLimits.slackTiers());
            for (int i = 0; i < 3; i++) {
                assertThat(limiter.tryAcquire("chat.postMessage", "C1")).isEmpty();
            }

            assertThat(limiter.tryAcquire("chat.postMessage", "C1")).contains(Duration.ofSeconds(3));
            assertThat(limiter.tryAcquire("chat.postMessage", "C2")).isEmpty();
        }

        @Test
        void retryAfterIsWholeSecondsAndAtLeastOne() {
            assertThat(HttpAnswer.rateLimited(Duration.ofMillis(10)).headers()).containsEntry("Retry-After", "1");
            assertThat(HttpAnswer.rateLimited(Duration.ofMillis(1500)).headers())
                    .containsEntry("Retry-After", "2");
        }
    }
}
