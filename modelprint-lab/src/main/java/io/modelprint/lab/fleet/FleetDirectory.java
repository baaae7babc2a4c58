package io.modelprint.lab.fleet;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.fleet.Fleet;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetRole;
import io.modelprint.io.Sha256;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.model.Classifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet as {@code fleet build} leaves it: a directory laid out as a zoo (its {@code manifest.json},
 * the target under {@code target/}, one model directory per member) whose entries are surrogates
 * and references. A member's kind is its {@code fleetKind} parameter. Opening a member checks its
 * weights against the manifest, so a fleet edited after it was built is refused, not trusted.
 */
public final class FleetDirectory implements Fleet {
    /** The parameter of a member's manifest entry that names its kind ("same-recipe", "label-student", ...). */
    public static final String KIND = "fleetKind";

    private final Path dir;
    private final String targetSha256;
    private final InputSpec spec;
    private final int numClasses;
    private final List<FleetMember> members;
    private final Map<String, ZooEntry> entries = new HashMap<>();
    private final String sha256;
    private final String manifestOrderSha256;
    private boolean checkedIntact;

    private FleetDirectory(Path dir, ModelProvenance target, List<FleetMember> members, List<ZooEntry> entries) {
        this.dir = dir;
        this.targetSha256 = target.weightsSha256();
        this.spec = target.inputSpec();
        this.numClasses = target.numClasses();
        this.members = List.copyOf(members);
        entries.forEach(e -> this.entries.put(e.name(), e));
        List<String> lines = members.stream()
                .map(m -> m.name() + '\t' + m.role().json() + '\t' + m.kind() + '\t' + m.sha256() + '\n').toList();
        this.sha256 = hash(lines.stream().sorted().toList());
        this.manifestOrderSha256 = hash(lines);
    }

    private static String hash(List<String> lines) {
        return Sha256.hex(String.join("", lines).getBytes(StandardCharsets.UTF_8));
    }

    /** The fleet in {@code dir}; refused when it is no fleet, is incomplete or holds no member. */
    public static FleetDirectory open(Path dir) {
        return open(dir, "--fleet " + dir);
    }

    /** As {@link #open(Path)}; messages name the directory as {@code where} (the argument that gave it). */
    public static FleetDirectory open(Path dir, String where) {
        Path normalized = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(normalized)) {
            throw new InputException(where + ": no such directory (fleet build --model TARGET --out DIR makes one)");
        }
        ZooManifest manifest = ZooManifest.read(normalized).orElseThrow(() -> new InputException(where + ": no "
                + ZooManifest.FILE_NAME + "; not a fleet (fleet build --model TARGET --out DIR makes one)"));
        List<FleetMember> members = new ArrayList<>();
        List<ZooEntry> kept = new ArrayList<>();
        for (ZooEntry entry : manifest.entries()) {
            if (entry.group() == SuspectGroup.TARGET || !entry.kept()) {
                continue;
            }
            if (entry.group() != SuspectGroup.SURROGATE && entry.group() != SuspectGroup.REFERENCE) {
                throw new InputException(where + ": holds " + entry.name() + " of group " + entry.group().json()
                        + "; a fleet holds surrogates and references only (is it a suspect zoo?)");
            }
            Object kind = entry.parameters().get(KIND);
            FleetRole role = entry.group() == SuspectGroup.SURROGATE ? FleetRole.SURROGATE : FleetRole.REFERENCE;
            members.add(new FleetMember(entry.name(), role, kind == null ? entry.kind() : kind.toString(), entry.sha256(),
                    entry.testAccuracy()));
            kept.add(entry);
        }
        if (members.isEmpty()) {
            throw new InputException(where + ": holds no surrogate or reference yet (is fleet build still running?)");
        }
        ModelProvenance target = ModelLoader.checkIntact(normalized.resolve("target"));
        return new FleetDirectory(normalized, target, members, kept);
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public String sha256() {
        return sha256;
    }

    /**
     * Also the hash over the members in the manifest's order, which fingerprints made before the hash
     * ignored that order recorded (a manifest rebuilt from the models lists them in another order).
     */
    @Override
    public boolean hashesTo(String recorded) {
        return sha256.equals(recorded) || manifestOrderSha256.equals(recorded);
    }

    @Override
    public String targetSha256() {
        return targetSha256;
    }

    @Override
    public InputSpec inputSpec() {
        return spec;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public List<FleetMember> members() {
        return members;
    }

    /** Seconds it took to build {@code member} (training and measuring it), as the manifest recorded them. */
    public double seconds(FleetMember member) {
        ZooEntry entry = entries.get(member.name());
        if (entry == null) {
            throw new IllegalArgumentException(member.name() + " is not a member of " + dir);
        }
        return entry.seconds();
    }

    /** Seconds it took to build every member: the fleet's cost, the target not included. */
    public double buildSeconds() {
        return members.stream().mapToDouble(this::seconds).sum();
    }

    /** Where the manifest says the member's model directory is, unchecked. */
    public Path storedAt(FleetMember member) {
        ZooEntry entry = entries.get(member.name());
        if (entry == null) {
            throw new IllegalArgumentException(member.name() + " is not a member of " + dir);
        }
        return dir.resolve(entry.path());
    }

    /** The member's model directory, checked against the weights the manifest recorded. */
    public Path path(FleetMember member) {
        Path modelDir = storedAt(member);
        ZooEntry entry = entries.get(member.name());
        ModelProvenance provenance = ModelLoader.checkIntact(modelDir);
        if (!provenance.weightsSha256().equals(entry.sha256())) {
            throw new InputException("fleet " + dir + ": " + member.name() + "'s weights are not the ones its manifest recorded:"
                    + " the fleet was changed after it was built; run fleet build again on it");
        }
        return modelDir;
    }

    @Override
    public void requireIntact() {
        if (!checkedIntact) {
            members.forEach(this::path);
            checkedIntact = true; // a later change is still caught when a member is opened
        }
    }

    @Override
    public Classifier open(FleetMember member) {
        return ModelLoader.loadClassifier(path(member), spec);
    }
}
