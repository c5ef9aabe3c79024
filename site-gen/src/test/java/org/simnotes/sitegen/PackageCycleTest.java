package org.simnotes.sitegen;


import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Each package of the generator is a stage or a leaf it uses; no two depend on each other, however indirectly. */
class PackageCycleTest {
    @Test
    void theGeneratorsPackagesFormNoCycle() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.simnotes.sitegen");
        slices().matching("org.simnotes.sitegen.(*)..").should().beFreeOfCycles().check(classes);
    }
}
