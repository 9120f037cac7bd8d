package dev.ownership.bot;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameContaining;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layout's rules, checked on the compiled main classes of every module: features are vertical slices whose Slack
 * types stay in their {@code *Slack*} edge classes, the shared Slack transport knows no feature, and the modules point
 * one way.
 */
@DisplayName("architecture")
class ArchitectureTest {
    private static final String[] FEATURES = {
        "..bot.blocker..",
        "..bot.command..",
        "..bot.detection..",
        "..bot.digest..",
        "..bot.home..",
        "..bot.installation..",
        "..bot.learning..",
        "..bot.nudge..",
        "..bot.pause..",
        "..bot.privacy..",
        "..bot.prompt..",
        "..bot.risk..",
        "..bot.streak..",
        "..bot.workspace.."
    };

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ownership");
    }

    @Nested
    @DisplayName("inside a feature slice")
    class Slices {
        @Test
        @DisplayName("only classes named *Slack* use Slack's SDK")
        void shouldKeepSlackTypesInTheSlicesEdgeClasses() {
            noClasses()
                    .that()
                    .resideInAnyPackage(FEATURES)
                    .and()
                    .haveSimpleNameNotContaining("Slack")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("com.slack..")
                    .because("the domain takes plain records and ids; the slice's edge classes translate")
                    .check(main);
        }

        @Test
        @DisplayName("the shared Slack transport imports no feature")
        void shouldKeepTheTransportFeatureFree() {
            noClasses()
                    .that()
                    .resideInAPackage("..bot.slack..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(FEATURES)
                    .because("features hand their listeners to the transport, not the other way round")
                    .check(main);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "blocker",
                    "command",
                    "digest",
                    "home",
                    "installation",
                    "nudge",
                    "privacy",
                    "prompt",
                    "risk",
                    "learning",
                    "workspace"
                })
        @DisplayName("a slice's Slack edge is used only by its own slice, other Slack edges and the wiring")
        void shouldNotReachIntoAnotherSlicesEdge(String slice) {
            String own = "dev.ownership.bot." + slice;
            classes()
                    .that()
                    .resideInAPackage(own)
                    .and()
                    .haveSimpleNameContaining("Slack")
                    .should()
                    .onlyHaveDependentClassesThat(resideInAnyPackage(own, "dev.ownership.bot")
                            .or(simpleNameContaining("Slack"))
                            .as("reside in %s, in the wiring or in another slice's Slack edge", own))
                    .check(main);
        }
    }

    @Test
    @DisplayName("no two feature slices depend on each other in a cycle")
    void shouldKeepTheSlicesFreeOfCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("dev.ownership.bot.(*)..")
                .should()
                .beFreeOfCycles()
                .check(main);
    }

    @Nested
    @DisplayName("between modules")
    class Modules {
        @Test
        @DisplayName("storage knows neither the scheduler, the bot nor Slack")
        void shouldKeepStorageAtTheBottom() {
            noClasses()
                    .that()
                    .resideInAPackage("dev.ownership.storage..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "dev.ownership.scheduler..", "dev.ownership.bot..", "com.slack..", "org.quartz..")
                    .check(main);
        }

        @Test
        @DisplayName("the Slack simulator knows nothing of the bot")
        void shouldKeepTheSimulatorIndependent() {
            noClasses()
                    .that()
                    .resideInAPackage("dev.ownership.simulator..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("dev.ownership.bot..", "dev.ownership.storage..", "dev.ownership.scheduler..")
                    .check(main);
        }

        @Test
        @DisplayName("the bot uses the simulator only from the demo")
        void shouldUseTheSimulatorOnlyFromTheDemo() {
            noClasses()
                    .that()
                    .resideInAPackage("dev.ownership.bot..")
                    .and()
                    .resideOutsideOfPackage("dev.ownership.bot.demo..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.ownership.simulator..")
                    .because("the simulator is test tooling; production code must not reach it")
                    .check(main);
        }

        @Test
        @DisplayName("the scheduler knows neither the bot nor Slack")
        void shouldKeepTheSchedulerBelowTheBot() {
            noClasses()
                    .that()
                    .resideInAPackage("dev.ownership.scheduler..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("dev.ownership.bot..", "com.slack..")
                    .check(main);
        }
    }
}
