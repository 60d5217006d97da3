package com.nexustrade.auth.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package map of docs/architecture.md, enforced: capabilities depend on {@code common} and on each other
 * without cycles, {@code core} composes them, {@code db} implements the stores they declare, and nothing in the
 * domain reaches up into HTTP or down into SQL.
 */
class PackageStructureTest {

    private static final String[] DOMAIN = {"..auth.access..", "..auth.common..", "..auth.dpop..", "..auth.keys..", "..auth.refresh..",
            "..auth.services..", "..auth.throttling..", "..auth.users.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.nexustrade.auth");

    @Test
    void packagesFormNoCycle() {
        slices().matching("com.nexustrade.auth.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void domainDoesNotDependOnTheDatabaseLayer() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("..auth.db..", "org.jdbi..")
                .check(MAIN);
    }

    @Test
    void domainDoesNotDependOnHttp() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("..auth.resources..", "..auth.api..",
                        "..auth.errors..", "jakarta.ws.rs..")
                .check(MAIN);
    }

    @Test
    void coreHoldsOnlyTheComposition() {
        noClasses().that().resideOutsideOfPackages("..auth.core..", "..auth.resources..", "..auth.cli..",
                        "..auth.api..", "com.nexustrade.auth")
                .should().dependOnClassesThat().resideInAPackage("..auth.core..")
                .check(MAIN);
    }
}
