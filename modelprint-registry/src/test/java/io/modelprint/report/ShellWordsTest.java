package io.modelprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command shown in a report is read back by a real shell as the same words, whatever the paths hold. */
class ShellWordsTest {
    @Test
    void aShellReadsBackEveryWordAsItWas() throws IOException, InterruptedException {
        List<String> words = List.of("plain/path.npz", "with space", "it's", "$HOME", "`id`", "a;b|c&d", "<script>x</script>", "",
                "new\nline", "--db", "jdbc:postgresql://h:5432/db?user=u", "\\back", "*");
        Process shell = new ProcessBuilder("sh", "-c", "for w in " + ShellWords.join(words) + "; do printf '[%s]' \"$w\"; done")
                .redirectErrorStream(true).start();
        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, shell.waitFor());
        assertEquals(String.join("", words.stream().map(w -> "[" + w + "]").toList()), out);
    }

    @Test
    void plainWordsStayUnquoted() {
        assertEquals("modelprint verify --fingerprint fp.npz zoo/model-1", ShellWords.join(List.of("modelprint", "verify",
                "--fingerprint", "fp.npz", "zoo/model-1")));
    }
}
