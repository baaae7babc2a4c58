package io.modelprint.engine;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.io.Sha256;
import io.modelprint.model.Classifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a model file as a {@link DjlClassifier}: a modelprint/DJL model directory (weights +
 * {@code provenance.json}) or a TorchScript {@code .pt} file taking float32 [N,C,H,W] and answering
 * logits [N,classes]. TorchScript is loaded with trainable parameters so that input gradients flow.
 */
public final class ModelLoader {
    /**
     * The {@code arch} of a model directory whose weights file is a TorchScript module (a model made by
     * another program, e.g. the zoo's PyTorch negatives): it loads as that file would.
     */
    public static final String TORCHSCRIPT_ARCH = "torchscript";

    private ModelLoader() {}

    /**
     * @param spec input spec for formats that do not carry one (TorchScript); a model directory
     *     uses the spec in its provenance
     */
    public static DjlClassifier load(Path path, InputSpec spec) {
        EngineSetup.ensureStarted();
        if (!Files.exists(path)) {
            throw new InputException(path + ": no such model file or directory");
        }
        if (Files.isDirectory(path)) {
            return loadDirectory(path);
        }
        if (!Files.isReadable(path)) {
            throw new InputException(path + ": model file is not readable");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".torchscript")) {
            return loadTorchScript(path, spec);
        }
        if (name.endsWith(".onnx")) {
            throw new InputException(path + ": ONNX models run inference only; they can be suspects but not targets"
                    + " (export the target as TorchScript .pt to fingerprint it)");
        }
        throw new InputException(path + ": not a model: expected a modelprint model directory (with "
                + ModelProvenance.FILE_NAME + "), a TorchScript .pt or (as suspect) an ONNX .onnx file");
    }

    /**
     * Opens any suspect: everything {@link #load} opens, and label-only models (random forests)
     * that have no gradients.
     */
    public static Classifier loadClassifier(Path path, InputSpec spec) {
        return loadClassifier(path, spec, ModelEngine.AUTO);
    }

    /** Like {@link #loadClassifier(Path, InputSpec)}, with the engine forced unless {@code AUTO}. */
    public static Classifier loadClassifier(Path path, InputSpec spec, ModelEngine engine) {
        if (engine == ModelEngine.PYTORCH && Files.isRegularFile(path)) {
            EngineSetup.ensureStarted();
            return loadTorchScript(path, spec);
        }
        boolean onnxName = path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
        if (engine == ModelEngine.ONNXRUNTIME || (engine == ModelEngine.AUTO && onnxName)) {
            if (!Files.exists(path)) {
                throw new InputException(path + ": no such model file");
            }
            if (!Files.isRegularFile(path)) {
                throw new InputException(path + ": --engine onnxruntime needs an .onnx file, not a directory");
            }
            return OnnxClassifier.load(path, spec);
        }
        if (Files.isDirectory(path)) {
            ModelProvenance provenance = checkIntact(path);
            if (RandomForestClassifier.ARCH.equals(provenance.arch())) {
                return RandomForestClassifier.load(path, provenance);
            }
        }
        return load(path, spec);
    }

    public static ModelProvenance readProvenance(Path dir) {
        Path file = dir.resolve(ModelProvenance.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new InputException(dir + ": not a model directory (no " + ModelProvenance.FILE_NAME + ")");
        }
        try {
            ModelProvenance provenance = Json.MAPPER.readValue(file.toFile(), ModelProvenance.class);
            if (provenance == null) {
                throw new InputException(file + ": is empty (null), not a model's provenance");
            }
            if (provenance.arch() == null || provenance.inputSpec() == null || provenance.weightsFile() == null) {
                throw new InputException(file + ": lacks arch, inputSpec or weightsFile");
            }
            Path base = dir.toAbsolutePath().normalize();
            Path weights = base.resolve(provenance.weightsFile()).normalize();
            if (!base.equals(weights.getParent())) {
                throw new InputException(file + ": weightsFile '" + provenance.weightsFile()
                        + "' must name a file inside the model directory");
            }
            return provenance;
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InputException(file + ": permission denied");
        } catch (IOException e) {
            throw new InputException(file + ": not valid provenance JSON: " + e.getMessage());
        }
    }

    /** The provenance of a complete model directory whose weights still match their recorded hash. */
    public static ModelProvenance checkIntact(Path dir) {
        ModelProvenance provenance = readProvenance(dir);
        Path weights = dir.resolve(provenance.weightsFile());
        if (!Files.isRegularFile(weights)) {
            throw new InputException(dir + ": weights file " + provenance.weightsFile() + " is missing");
        }
        String sha = Sha256.ofFile(weights);
        if (!sha.equals(provenance.weightsSha256())) {
            throw new InputException(weights + ": SHA-256 " + sha + " does not match provenance ("
                    + provenance.weightsSha256() + "); the weights were changed or damaged");
        }
        return provenance;
    }

    private static DjlClassifier loadDirectory(Path dir) {
        ModelProvenance provenance = checkIntact(dir);
        Path weights = dir.resolve(provenance.weightsFile());
        if (TORCHSCRIPT_ARCH.equals(provenance.arch())) {
            return loadTorchScript(weights, provenance.inputSpec());
        }
        String sha = provenance.weightsSha256();
        if (RandomForestClassifier.ARCH.equals(provenance.arch())) {
            throw new InputException(dir + ": a random forest answers labels only, so it can be a suspect but not a model to"
                    + " fingerprint, train on or differentiate: a target is a network (a modelprint model directory of "
                    + Architecture.cliNames() + ", or a TorchScript .pt)");
        }
        Architecture arch = Architecture.parse(provenance.arch());
        Model model = newModel(arch, provenance.inputSpec(), provenance.numClasses(), dir.getFileName().toString());
        try {
            model.load(dir, ModelStore.MODEL_NAME);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new InputException(weights + ": cannot load weights into " + arch.cliName() + ": " + e.getMessage(), e);
        }
        return new DjlClassifier(model, provenance.inputSpec(), provenance.numClasses(), sha, dir.toString(), true);
    }

    /** A fresh model of {@code arch} with initialized (random) parameters. */
    public static Model newModel(Architecture arch, InputSpec spec, int numClasses, String name) {
        EngineSetup.ensureStarted();
        Block block = arch.build(spec, numClasses);
        Model model = Model.newInstance(name, "PyTorch");
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, spec.batchShape(1));
        return model;
    }

    private static DjlClassifier loadTorchScript(Path file, InputSpec spec) {
        if (spec == null) {
            throw new InputException(file + ": a TorchScript file does not record the input it takes: give --input-shape C,H,W"
                    + " (and --input-range, --mean/--std if it normalizes differently)");
        }
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optEngine("PyTorch")
                .optOption("trainParam", "true")
                .build();
        ZooModel<NDList, NDList> model;
        try {
            model = criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new InputException(file + ": not a loadable TorchScript model: " + firstLine(e.getMessage()), e);
        }
        TorchScriptModules.pinEvalMode(model.getBlock());
        int classes;
        try (NDManager probe = model.getNDManager().newSubManager()) {
            NDList out = TorchScriptModules.predict(model.getBlock(), new ParameterStore(probe, false),
                    probe.zeros(spec.batchShape(2)));
            if (out.size() != 1 || out.head().getShape().dimension() != 2 || out.head().getShape().get(0) != 2) {
                throw new InputException(file + ": expected one output of logits [N,classes] for input "
                        + spec.batchShape(2) + ", got " + OutputShapes.describe(out.getShapes()));
            }
            classes = (int) out.head().getShape().get(1);
        } catch (RuntimeException e) {
            model.close();
            if (e instanceof InputException) {
                throw e;
            }
            throw new InputException(file + ": does not take float32 input of shape " + spec.batchShape(2)
                    + " " + InputSpec.SHAPE_HINT + ": " + firstLine(e.getMessage()), e);
        }
        return new DjlClassifier(model, spec, classes, Sha256.ofFile(file), file.toString(), false);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }


}
