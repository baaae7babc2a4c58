package io.modelprint.testing;

import io.modelprint.data.InputSpec;
import io.modelprint.fleet.Fleet;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetRole;
import io.modelprint.io.Sha256;
import io.modelprint.model.Classifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A fleet of tiny test models made on demand: every {@link #open} makes a fresh model, which the caller closes. */
public final class InMemoryFleet implements Fleet {
    private final InputSpec spec;
    private final int numClasses;
    private final Map<FleetMember, Supplier<? extends Classifier>> models = new LinkedHashMap<>();
    private String targetSha256 = "in-memory";

    public InMemoryFleet(InputSpec spec, int numClasses) {
        this.spec = spec;
        this.numClasses = numClasses;
    }

    /** Adds the model {@code make} makes under {@code name}; its hash is the name's, so two names are two models. */
    public InMemoryFleet add(String name, FleetRole role, String kind, Supplier<? extends Classifier> model) {
        String sha = Sha256.hex(name.getBytes(StandardCharsets.UTF_8));
        models.put(new FleetMember(name, role, kind, sha, 0), model);
        return this;
    }

    /** This fleet as built for the target whose weights hash to {@code sha256}. */
    public InMemoryFleet forTarget(String sha256) {
        this.targetSha256 = sha256;
        return this;
    }

    @Override
    public String targetSha256() {
        return targetSha256;
    }

    /** Its models are made by code, not read from files: nothing to check. */
    @Override
    public void requireIntact() {}

    @Override
    public String location() {
        return "memory";
    }

    @Override
    public String sha256() {
        return Sha256.hex(models.keySet().toString().getBytes(StandardCharsets.UTF_8));
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
        return new ArrayList<>(models.keySet());
    }

    @Override
    public Classifier open(FleetMember member) {
        return models.get(member).get();
    }
}
