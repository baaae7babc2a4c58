package io.modelprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One report file per suspect: names that stay in the directory, readable, and never shared by two suspects. */
class ReportFileNamesTest {
    @Test
    void namesStayInTheDirectoryWhateverTheSuspectIsCalled() {
        Path dir = Path.of("/reports");
        for (String suspect : List.of("../../etc/passwd", "zoo/model-a/", "http://host:8080/v2/models/<script>x</script>", "..", ".hidden",
                "a\\b\\..\\c", "\u001b[31mred", "", "/", "x".repeat(500) + ".pt")) {
            String name = ReportFileNames.of(suspect);
            assertTrue(name.matches("[A-Za-z0-9][A-Za-z0-9._-]*-[0-9a-f]{12}\\.html") && name.length() < 80, suspect + " -> " + name);
            assertEquals(dir, dir.resolve(name).normalize().getParent(), name);
        }
        assertTrue(ReportFileNames.of("zoo/model-a").startsWith("model-a-"));
        assertTrue(ReportFileNames.of("http://h/v2/models/mlp").startsWith("mlp-"));
    }

    @Test
    void twoSuspectsNeverShareAFile() {
        assertNotEquals(ReportFileNames.of("a/model"), ReportFileNames.of("b/model"));
        assertNotEquals(ReportFileNames.of("m<1>"), ReportFileNames.of("m<2>"));
        assertEquals(ReportFileNames.of("a/model"), ReportFileNames.of("a/model"));
    }
}
