package trade.caravan.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * Each rule holds for the application's code, and fires on a class written to break it: a rule
 * that cannot fail protects nothing.
 */
class ArchitectureRulesTests {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("trade.caravan");
    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importPackages("archfixtures");

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("entities are not public", ArchitectureRules.ENTITIES_ARE_NOT_PUBLIC, "PublicEntity"),
                Arguments.of("repositories are not public", ArchitectureRules.REPOSITORIES_ARE_NOT_PUBLIC, "PublicRepository"),
                Arguments.of("no java.util.Random", ArchitectureRules.NO_WEAK_OR_HIDDEN_RANDOMNESS, "UsesRandom"),
                Arguments.of("no Math.random", ArchitectureRules.NO_WEAK_OR_HIDDEN_RANDOMNESS, "UsesMathRandom"),
                Arguments.of("no system clock millis", ArchitectureRules.NO_SYSTEM_CLOCK, "UsesCurrentTimeMillis"),
                Arguments.of("no Instant.now()", ArchitectureRules.NO_SYSTEM_CLOCK, "UsesInstantNow"),
                Arguments.of("no field injection", ArchitectureRules.NO_FIELD_INJECTION, "FieldInjected"),
                Arguments.of("no setter injection", ArchitectureRules.NO_SETTER_INJECTION, "SetterInjected"),
                Arguments.of("no floating-point money", ArchitectureRules.NO_FLOATING_POINT_MONEY, "DoubleMoney"));
    }

    @ParameterizedTest(name = "{0} holds for the application")
    @MethodSource("rules")
    void holdsForTheApplication(String name, ArchRule rule, String violator) {
        rule.check(APPLICATION);
    }

    @ParameterizedTest(name = "{0} fires on {2}")
    @MethodSource("rules")
    void firesOnAViolation(String name, ArchRule rule, String violator) {
        EvaluationResult result = rule.evaluate(VIOLATIONS);
        assertThat(result.hasViolation()).as(name).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains(violator));
    }
}
