package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.data.DatasetSource;
import io.modelprint.data.InputSpec;
import io.modelprint.data.SpecConversion;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.ModelLoader;
import io.modelprint.model.ConvertedDifferentiable;
import io.modelprint.model.Differentiable;
import java.nio.file.Path;

/**
 * The target of {@code extract} and the space its queries are made in ({@code pixels}): the data set's
 * images when a scheme starts from data, or, when every scheme starts from uniform random seeds and no
 * data set is named, the target's own pixels (no data set is read: a 3x224x224 TorchScript model needs
 * no Fashion-MNIST). The target is seen through an exact conversion from {@code pixels} when its input
 * is normalized, channels-last or (with --resize) of another size.
 *
 * @param source the data set, or null when none is read
 */
record ExtractionTarget(DjlClassifier loaded, Differentiable target, InputSpec pixels, DatasetSource source) implements AutoCloseable {
    /**
     * @param needsData whether a scheme draws its seeds from the data set
     * @param initRandomHelps whether --init random would let every scheme do without data (said in the refusal)
     */
    static ExtractionTarget open(Path model, InputSpecOptions spec, DataOptions data, boolean needsData, boolean initRandomHelps,
            boolean resize) {
        DatasetSource source = needsData || data.named() ? data.source() : null;
        InputSpec base = source != null ? source.spec() : InputSpec.fashionMnist();
        DjlClassifier loaded = ModelLoader.load(model, spec.forModel(model, base));
        try {
            InputSpec pixels = source != null ? base : loaded.inputSpec().pixelSpace();
            Differentiable target = loaded;
            if (!pixels.compatibleWith(loaded.inputSpec())) {
                target = new ConvertedDifferentiable(loaded, SpecConversion.between(pixels, loaded.inputSpec(), resize,
                        sides(source, initRandomHelps)));
            }
            return new ExtractionTarget(loaded, target, pixels, source);
        } catch (InputException e) {
            loaded.close();
            throw new InputException(model + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    private static SpecConversion.Sides sides(DatasetSource source, boolean initRandomHelps) {
        if (source == null) {
            return new SpecConversion.Sides("the target's pixels", "the target's input", InputSpec.SHAPE_HINT);
        }
        return new SpecConversion.Sides("the " + source.name() + " images the queries start from", "the target's input",
                "(describe the target's input with --input-shape C,H,W; give images of its kind with --dataset folder --data DIR"
                        + " (DIR/{train,test}/<class>/*.png) or --dataset cifar10 --data DIR, and --resize when their size differs"
                        + (initRandomHelps ? ", or start from uniform random seeds with --init random, which needs no data set" : "")
                        + ")");
    }

    @Override
    public void close() {
        loaded.close();
    }
}
