package io.modelprint.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.fleet.LearnedVerifier;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.fleet.VerifierFeatures;
import io.modelprint.scheme.FleetSelectedQueries;
import io.modelprint.scheme.GradientField;
import io.modelprint.scheme.LayerActivations;
import io.modelprint.scheme.Parameter;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.Schemes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.scheme.Access;
import io.modelprint.testing.TinyNetworks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fingerprint file rebuilds exactly the scheme that made it, for every scheme and every parameter. */
class RecordedSchemeTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 2, 2);
    private static final int CLASSES = 3;

    @TempDir
    Path dir;

    /** A value of {@code p} other than its default, within what it accepts. */
    private static Object otherValue(Parameter p) {
        return switch (p.kind()) {
            case INTEGER -> (Integer) p.defaultValue() + 2;
            case REAL -> (Float) p.defaultValue() * 2 <= p.range().upper() ? (Float) p.defaultValue() * 2 : (Float) p.defaultValue() / 2;
            case FLAG -> !(Boolean) p.defaultValue();
            case CHOICE -> p.choices().stream().filter(c -> !c.equals(p.defaultValue())).findFirst().orElseThrow();
        };
    }

    private Fingerprint written(Scheme<?> scheme, Map<String, Object> recorded) {
        // a zest fingerprint holds n reference images x masks queries, a uap one its n points and their perturbed copies;
        // the others 2 (the file's scheme must fit its arrays)
        int n = switch (scheme.name()) {
            case "zest" -> scheme.parameters().integer("n") * scheme.parameters().integer("masks");
            case "uap" -> scheme.parameters().integer("n");
            case "weights" -> 0; // no queries: the target's weights instead
            default -> 2;
        };
        NetworkWeights network = TinyNetworks.mlp(1, SPEC.pixelsPerImage(), new int[] {3}, CLASSES);
        NetworkWeights weights = scheme.suspectAccess() == Access.WEIGHTS ? network : null;
        // a layer scheme's file holds the target's hidden layer on the queries and the layers it belongs to
        LayerActivations activations = scheme.suspectAccess() == Access.LAYERS
                ? new LayerActivations(n, 3, new float[n * 3], network.specs()) : null;
        FingerprintMeta meta = FingerprintMeta.builder()
                .setScheme(scheme.name(), scheme.representation().name(), scheme.distance().name(), scheme.suspectAccess().label())
                .setParameters(recorded)
                .setInput(SPEC, CLASSES)
                .setTarget("target", "ab".repeat(32))
                .setSeed(0, "uniform")
                .optSelection(scheme.queries() instanceof FleetSelectedQueries ? selection(scheme, n) : null)
                .optNetwork(weights != null || activations != null ? network.specs() : null)
                .build();
        float[] scores = scheme.suspectAccess().comparesScores() ? new float[n * CLASSES] : null;
        // a gradient scheme's file holds the target's field: one input per query and path step
        int steps = scheme.representation().inputsPerQuery();
        GradientField field = scheme.suspectAccess() == Access.GRADIENTS
                ? new GradientField(n, steps, SPEC.pixelsPerImage(), new float[n * steps * SPEC.pixelsPerImage()]) : null;
        Fingerprint fingerprint = new Fingerprint(new Queries(SPEC, new float[n * SPEC.pixelsPerImage()], n),
                java.util.stream.LongStream.range(0, n).map(i -> i % 2).toArray(), scores, meta, weights, field, activations);
        Path file = dir.resolve(scheme.name() + ".npz");
        FingerprintFile.write(file, fingerprint);
        return FingerprintFile.read(file);
    }

    /** What a fleet-selected scheme's file records beside its parameters: how its fleet chose the queries (metav: and its verifier). */
    private static QuerySelection selection(Scheme<?> scheme, int n) {
        double[] surrogates = new double[n];
        double[] references = new double[n];
        java.util.Arrays.fill(surrogates, 0.8);
        java.util.Arrays.fill(references, 0.2);
        QuerySelection selection = new QuerySelection("cd".repeat(32), "fleet", List.of(), surrogates, references);
        if (!scheme.name().equals("metav")) {
            return selection;
        }
        VerifierFeatures features = VerifierFeatures.parse(scheme.parameters().text("features"));
        return selection.withVerifier(new LearnedVerifier(LearnedVerifier.LOGISTIC_L2, features,
                new double[features.count(n, CLASSES)], 0));
    }

    @Test
    void everyParameterOfEverySchemeRoundTripsThroughTheFile() throws IOException {
        for (SchemeFactory factory : Schemes.all().values()) {
            for (Parameter parameter : factory.parameters().all()) {
                Map<String, Object> given = Map.of(parameter.name(), otherValue(parameter));
                Scheme<?> made = factory.create(given);
                assertNotEquals(factory.withDefaults().parameters(), made.parameters(), factory.name() + " " + given);
                Scheme<?> rebuilt = written(made, made.parameters().values()).scheme();
                assertEquals(made.parameters(), rebuilt.parameters(), factory.name() + " " + given);
                assertEquals(made.defaultThreshold(), rebuilt.defaultThreshold());
                assertEquals(made.suspectAccess(), rebuilt.suspectAccess());
            }
        }
    }

    @Test
    void namesOlderBuildsRecordedBesideTheParametersStillRead() {
        Scheme<?> ipguard = Schemes.create("ipguard", Map.of("k", 10), "test");
        Map<String, Object> old = new LinkedHashMap<>(Map.of("k", 10.0, "lr", 0.01, "maxIter", 1000, "combo", "TL", "clip", true,
                "optimizer", "adam(beta1=0.9,beta2=0.999,eps=1e-8)", "n", 100));
        assertEquals(ipguard.parameters(), written(ipguard, old).scheme().parameters());
    }

    @Test
    void aFileWithAParameterItsSchemeDoesNotDeclareIsRefusedNamingIt() {
        Scheme<?> akh = Schemes.create("akh", Map.of(), "test");
        Map<String, Object> forged = new LinkedHashMap<>(akh.parameters().values());
        forged.put("k", 3);
        // refused when the file is read, not first when its scheme is asked for
        InputException e = assertThrows(InputException.class, () -> written(akh, forged));
        assertTrue(e.getMessage().contains("unknown parameter 'k'") && e.getMessage().contains("akh")
                && e.getMessage().contains(dir.resolve("akh.npz").toString()), e.getMessage());
    }
}
