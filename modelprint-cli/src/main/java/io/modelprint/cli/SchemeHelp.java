package io.modelprint.cli;

import io.modelprint.scheme.Parameter;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Every scheme's declared parameters, as the footer of {@code extract --help}. */
final class SchemeHelp {
    private SchemeHelp() {}

    static void attach(CommandLine extract) {
        extract.getCommandSpec().usageMessage().footer(lines().toArray(String[]::new));
    }

    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("%nScheme parameters (--param NAME=VALUE; --k, --lr, --max-iter, --init, --label and --no-clip set the same"
                + " names; --n sets n):");
        for (SchemeFactory factory : Schemes.all().values()) {
            lines.add(("  " + factory.name() + ": " + factory.summary()).replace("%", "%%"));
            for (Parameter p : factory.parameters().all()) {
                if (p.name().equals(ParameterSpec.N)) {
                    continue;
                }
                // footer lines are format strings: a % in a text is written %%
                lines.add(("      " + p.name() + " (" + p.accepted() + ", default " + p.defaultValue() + "): " + p.description())
                        .replace("%", "%%"));
            }
        }
        return lines;
    }
}
