package io.modelprint.lab.zoo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.arch.Architecture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a worker process needs to build the same models as its parent, written once per build
 * beside the data it points to: the plan as data, the seed, the directory, the target's architecture
 * and provenance, and the training and test data as raw arrays with their names (recorded in every
 * model's provenance, so they must be the parent's).
 */
record WorkerSetup(PlanSpec plan, long seed, String dir, String targetArch, ModelProvenance target, DataFile train,
        DataFile test) {
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final String FILE_NAME = "setup.json";

    /** A data set handed over as raw little-endian arrays ({@link RawData}). */
    record DataFile(String name, InputSpec spec, int numClasses, List<String> classNames, String images, String labels) {
        static DataFile write(ImageDataset data, Path workDir, String stem) throws IOException {
            Path images = workDir.resolve(stem + ".f32");
            Path labels = workDir.resolve(stem + ".i32");
            RawData.write(data, images, labels);
            return new DataFile(data.name(), data.spec(), data.numClasses(), data.classNames(), images.toString(), labels.toString());
        }

        ImageDataset read() throws IOException {
            return RawData.read(name, spec, numClasses, Path.of(images), Path.of(labels))
                    .withClassNames(classNames == null ? List.of() : classNames);
        }
    }

    static Path write(BuildPlan plan, long seed, Path dir, Architecture arch, ModelProvenance target, ZooContext context,
            Path workDir) throws IOException {
        WorkerSetup setup = new WorkerSetup(PlanSpec.of(plan), seed, dir.toString(), arch.cliName(), target,
                DataFile.write(context.train(), workDir, "train"), DataFile.write(context.test(), workDir, "test"));
        Path file = workDir.resolve(FILE_NAME);
        JSON.writeValue(file.toFile(), setup);
        return file;
    }

    static WorkerSetup read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), WorkerSetup.class);
    }

    ZooContext context() throws IOException {
        Path zoo = Path.of(dir);
        return new ZooContext(train.read(), test.read(), zoo, zoo.resolve("target"));
    }

    /** The plan's models by name, made exactly as the parent made its list (the data's class names choose a transfer task). */
    Map<String, SuspectPlan> plans(ImageDataset train) {
        List<SuspectPlan> list = plan.plan().plan(Architecture.parse(targetArch), train, seed, target);
        Map<String, SuspectPlan> byName = new LinkedHashMap<>();
        list.forEach(p -> byName.put(p.name(), p));
        return byName;
    }
}
