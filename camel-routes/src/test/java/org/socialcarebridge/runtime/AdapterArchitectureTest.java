package org.socialcarebridge.runtime;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The Camel side's layering: its packages (routes and each of their sub-packages, the runtime, the
 * channels' components) form no cycle. The domain's own rules are plugin-bundle's DomainArchitectureTest.
 */
@AnalyzeClasses(packages = {"org.socialcarebridge.routes", "org.socialcarebridge.runtime", "org.socialcarebridge.component"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterArchitectureTest {

    /* One slice per package, as in the domain's test, so a package and its sub-packages are held apart too. */
    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("org.socialcarebridge.(**)")
            .should().beFreeOfCycles();
}
