package io.modelprint.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {
    @Test
    void headerHasOneRuleCellPerColumn() {
        StringBuilder md = new StringBuilder();
        MarkdownTable.header(md, List.of("scheme", "AUC", "all positives"));
        assertEquals("| scheme | AUC | all positives |\n|---|---|---|\n", md.toString());
    }
}
