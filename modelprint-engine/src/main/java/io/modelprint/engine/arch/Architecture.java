package io.modelprint.engine.arch;

import ai.djl.nn.Block;
import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The architectures modelprint can train, by their command-line names. */
public enum Architecture {
    LENET5("lenet5"),
    VGG("vgg"),
    RESNET20("resnet20"),
    MLP("mlp");

    private final String cliName;

    Architecture(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public Block build(InputSpec spec, int numClasses) {
        return switch (this) {
            case LENET5 -> LeNet5.build(spec, numClasses);
            case VGG -> SmallVgg.build(spec, numClasses);
            case RESNET20 -> ResNet20.build(spec, numClasses);
            case MLP -> Mlp.build(spec, numClasses);
        };
    }

    public static Architecture parse(String name) {
        for (Architecture a : values()) {
            if (a.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new InputException("--arch: unknown architecture '" + name + "' (expected " + cliNames() + ")");
    }

    /** Every architecture's command-line name, comma separated. */
    public static String cliNames() {
        return Arrays.stream(values()).map(Architecture::cliName).collect(Collectors.joining(", "));
    }
}
