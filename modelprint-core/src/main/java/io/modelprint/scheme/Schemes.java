package io.modelprint.scheme;

import io.modelprint.fleet.QuerySelection;

import io.modelprint.InputException;
import io.modelprint.scheme.akh.AkhScheme;
import io.modelprint.scheme.boundary.CwL2Scheme;
import io.modelprint.scheme.cae.CaeScheme;
import io.modelprint.scheme.boundary.DeepFoolScheme;
import io.modelprint.scheme.boundary.FgsmScheme;
import io.modelprint.scheme.boundary.IgsmScheme;
import io.modelprint.scheme.boundary.IpGuardMultipointScheme;
import io.modelprint.scheme.boundary.IpGuardScheme;
import io.modelprint.scheme.boundary.RandomScheme;
import io.modelprint.scheme.llr.FleetLlrScheme;
import io.modelprint.scheme.metav.MetaVerifierScheme;
import io.modelprint.scheme.deepjudge.DeepJudgeScheme;
import io.modelprint.scheme.deepjudge.DeepJudgeWhiteBoxScheme;
import io.modelprint.scheme.modeldiff.ModelDiffScheme;
import io.modelprint.scheme.modelgif.ModelGifScheme;
import io.modelprint.scheme.sac.SacScheme;
import io.modelprint.scheme.ssf.SsfScheme;
import io.modelprint.scheme.uap.UapScheme;
import io.modelprint.scheme.weights.WeightsScheme;
import io.modelprint.scheme.zest.ZestScheme;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every scheme this build knows, by name: what extract, verify, calibrate, info and bench look up. */
public final class Schemes {
    private static final Map<String, SchemeFactory> BY_NAME = new LinkedHashMap<>();

    static {
        for (SchemeFactory factory : List.of(new IpGuardScheme(), new CwL2Scheme(), new FgsmScheme(), new IgsmScheme(),
                new RandomScheme(), new AkhScheme(), new SacScheme(SacScheme.Samples.WRONG, false),
                new SacScheme(SacScheme.Samples.MIXED, false), new SacScheme(SacScheme.Samples.WRONG, true),
                new SacScheme(SacScheme.Samples.MIXED, true), new ModelDiffScheme(), new ZestScheme(), new DeepFoolScheme(),
                new IpGuardMultipointScheme(), new UapScheme(), new DeepJudgeScheme(), new FleetLlrScheme(), new CaeScheme(),
                new MetaVerifierScheme(), new WeightsScheme(), new SsfScheme(false), new SsfScheme(true), new ModelGifScheme(),
                new DeepJudgeWhiteBoxScheme())) {
            BY_NAME.put(factory.name(), factory);
        }
    }

    private Schemes() {}

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Map<String, SchemeFactory> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    public static Optional<SchemeFactory> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** The factory named {@code name}; refused with the known names otherwise ({@code where} says who asked). */
    public static SchemeFactory require(String name, String where) {
        return find(name).orElseThrow(() -> new InputException(where + ": unknown scheme '" + name + "' (known: "
                + String.join(", ", names()) + ")"));
    }

    /**
     * The scheme named {@code name} made with {@code given} parameters (the rest take the scheme's
     * defaults): the one way extract, calibrate, bench and the fingerprint file build a scheme.
     */
    public static Scheme<?> create(String name, Map<String, Object> given, String where) {
        return require(name, where).create(given);
    }

    /** The scheme a fingerprint records: its name and the parameters in its meta.json ({@code where} names the file). */
    public static Scheme<?> recorded(String name, Map<String, Object> recorded, String where) {
        return recorded(name, recorded, null, where);
    }

    /** As above, for a fingerprint whose queries a fleet chose ({@code selection}, null if none did). */
    public static Scheme<?> recorded(String name, Map<String, Object> recorded, QuerySelection selection, String where) {
        SchemeFactory factory = require(name, where);
        return factory.create(factory.parameters().resolveRecorded(recorded, where + ": " + name), selection);
    }

    /** Names of the schemes that compare a suspect answering another task than the target's. */
    public static List<String> acrossTasks() {
        return BY_NAME.values().stream().filter(f -> f.withDefaults().comparesAcrossTasks()).map(SchemeFactory::name).toList();
    }

    /** Names of the schemes whose queries the owner's fleet chooses ({@link FleetSelectedQueries}): they need a fleet to extract. */
    public static List<String> fleetSelected() {
        return BY_NAME.values().stream().filter(f -> f.withDefaults().queries() instanceof FleetSelectedQueries)
                .map(SchemeFactory::name).toList();
    }

    /**
     * Refused when {@code schemes} mix tampering schemes (unmodified / modified) with derivation schemes
     * (derived / independent): one bundle's combined verdict answers one question. {@code where} names who asked.
     */
    public static void requireOneQuestion(List<Scheme<?>> schemes, String where) {
        List<String> tampering = schemes.stream().filter(Scheme::asksTampering).map(Scheme::name).toList();
        List<String> derivation = schemes.stream().filter(s -> !s.asksTampering()).map(Scheme::name).toList();
        if (!tampering.isEmpty() && !derivation.isEmpty()) {
            throw new InputException(where + ": " + String.join(", ", tampering) + " ask whether a model is still exactly the"
                    + " target (" + Question.TAMPERING.vocabulary() + "), " + String.join(", ", derivation) + " whether it was"
                    + " derived from it (" + Question.DERIVATION.vocabulary() + "); one bundle answers one question: make two files");
        }
    }

    /** Names of the schemes a suspect offering {@code access} can be verified with. */
    public static List<String> usableWith(Access access) {
        return BY_NAME.values().stream().filter(f -> access.covers(f.withDefaults().suspectAccess())).map(SchemeFactory::name).toList();
    }
}
