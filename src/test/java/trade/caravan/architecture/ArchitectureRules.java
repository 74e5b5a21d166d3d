package trade.caravan.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What Spring Modulith does not check. Each rule has a test in {@code ArchitectureRulesTests}
 * proving it fires on a violation (fixtures in {@code archfixtures}).
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Entities are a module's inside: other modules see records and identifiers, never entities. */
    static final ArchRule ENTITIES_ARE_NOT_PUBLIC = classes()
            .that().areAnnotatedWith(jakarta.persistence.Entity.class)
            .should().notBePublic()
            .because("other modules reference aggregates by identifier and read views, never entities");

    /** Repositories too: a module's persistence is reached through its services. */
    static final ArchRule REPOSITORIES_ARE_NOT_PUBLIC = classes()
            .that().areAssignableTo(org.springframework.data.repository.Repository.class)
            .and().areInterfaces()
            .should().notBePublic()
            .because("persistence is reached through a module's services, which apply its rules");

    /** Randomness comes from the injected SecureRandom, so tests can replay and secrets are strong. */
    static final ArchRule NO_WEAK_OR_HIDDEN_RANDOMNESS = noClasses()
            .should().callConstructor(Random.class)
            .orShould().callConstructor(Random.class, long.class)
            .orShould().callMethod(Math.class, "random")
            .orShould().accessClassesThat().areAssignableTo(ThreadLocalRandom.class)
            .because("use the injected SecureRandom: java.util.Random is predictable and hidden randomness cannot be replayed");

    /** Time comes from the injected Clock, so tests can fix and move it. */
    static final ArchRule NO_SYSTEM_CLOCK = noClasses()
            .that().resideOutsideOfPackage("..platform.database..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethodWhere(noArgumentNow())
            .because("read time from the injected java.time.Clock");

    /** Constructor injection only: no hidden, untestable dependencies. */
    static final ArchRule NO_FIELD_INJECTION = noFields()
            .should().beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
            .orShould().beAnnotatedWith(org.springframework.beans.factory.annotation.Value.class)
            .orShould().beAnnotatedWith("jakarta.inject.Inject")
            .because("dependencies are constructor parameters: visible, final, and set in tests without a container");

    /** No setter injection either. */
    static final ArchRule NO_SETTER_INJECTION = noMethods()
            .should().beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
            .because("dependencies are constructor parameters");

    /** Money is never a double (STYLE.md): amounts in minor units or BigDecimal with a currency. */
    static final ArchRule NO_FLOATING_POINT_MONEY = noFields()
            .that().haveNameMatching("(?i).*(amount|price|total|balance|fee|rate).*")
            .should().haveRawType(double.class)
            .orShould().haveRawType(float.class)
            .orShould().haveRawType(Double.class)
            .orShould().haveRawType(Float.class)
            .because("binary floating point cannot represent money exactly");

    private static DescribedPredicate<JavaMethodCall> noArgumentNow() {
        return DescribedPredicate.describe("a no-argument now() of java.time", call -> {
            JavaClass owner = call.getTargetOwner();
            return "now".equals(call.getName()) && call.getTarget().getRawParameterTypes().isEmpty()
                    && (owner.isEquivalentTo(Instant.class) || owner.isEquivalentTo(LocalDate.class)
                            || owner.isEquivalentTo(LocalDateTime.class) || owner.isEquivalentTo(OffsetDateTime.class)
                            || owner.isEquivalentTo(ZonedDateTime.class));
        });
    }
}
