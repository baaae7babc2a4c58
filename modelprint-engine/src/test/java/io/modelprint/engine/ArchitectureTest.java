package io.modelprint.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.arch.Architecture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static long parameterCount(Model model) {
        long count = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            count += p.getValue().getArray().size();
        }
        return count;
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void everyArchitectureAnswersLogitsForGrayAndColourImages(Architecture arch) {
        for (InputSpec spec : new InputSpec[] {InputSpec.fashionMnist(), InputSpec.unitRange(3, 32, 32)}) {
            try (Model model = ModelLoader.newModel(arch, spec, 10, "t"); NDManager manager = NDManager.newBaseManager()) {
                NDList out = model.getBlock().forward(new ParameterStore(manager, false),
                        new NDList(manager.randomUniform(0, 1, spec.batchShape(3))), false);
                assertArrayEquals(new long[] {3, 10}, out.singletonOrThrow().getShape().getShape(), arch + " on " + spec);
            }
        }
    }

    @Test
    void sizesAreThoseDocumented() {
        try (Model vgg = ModelLoader.newModel(Architecture.VGG, InputSpec.fashionMnist(), 10, "vgg");
                Model resnet = ModelLoader.newModel(Architecture.RESNET20, InputSpec.unitRange(3, 32, 32), 10, "r");
                Model lenet = ModelLoader.newModel(Architecture.LENET5, InputSpec.fashionMnist(), 10, "l")) {
            long vggCount = parameterCount(vgg);
            assertTrue(vggCount > 350_000 && vggCount < 450_000, "small VGG has ~0.4M parameters: " + vggCount);
            long resnetCount = parameterCount(resnet);
            assertTrue(resnetCount > 260_000 && resnetCount < 280_000, "ResNet-20 has ~0.27M parameters: " + resnetCount);
            assertEquals(61_706, parameterCount(lenet), "LeNet-5 on 28x28 padded to 32x32");
        }
    }

    @Test
    void unknownArchitectureNamesTheChoices() {
        InputException e = assertThrows(InputException.class, () -> Architecture.parse("alexnet"));
        assertTrue(e.getMessage().contains("alexnet") && e.getMessage().contains("resnet20"), e.getMessage());
    }
}
