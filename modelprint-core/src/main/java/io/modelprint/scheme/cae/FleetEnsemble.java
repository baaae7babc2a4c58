package io.modelprint.scheme.cae;

import ai.djl.ndarray.NDArray;
import io.modelprint.InputException;
import io.modelprint.fleet.Fleet;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.gradient.GradientCheck;
import io.modelprint.model.Classifier;
import io.modelprint.model.Differentiable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The fleet models a CAE search differentiates through: the split's surrogates and selection
 * references, opened, each with input gradients that passed the {@link GradientCheck}. The split's
 * calibration references are never opened here (cross-fitting). Closing the ensemble closes them.
 */
final class FleetEnsemble implements AutoCloseable {
    private final List<FleetMember> members;
    private final List<Differentiable> surrogates;
    private final List<Differentiable> references;
    private final List<Classifier> opened;

    private FleetEnsemble(List<FleetMember> members, List<Differentiable> surrogates, List<Differentiable> references,
            List<Classifier> opened) {
        this.members = members;
        this.surrogates = surrogates;
        this.references = references;
        this.opened = opened;
    }

    /** Opens the selection half of {@code split}; a member without input gradients is refused by name. */
    static FleetEnsemble open(FleetSplit split, String scheme) {
        List<Classifier> opened = new ArrayList<>();
        try {
            GradientCheck checks = new GradientCheck();
            List<Differentiable> surrogates = new ArrayList<>();
            for (FleetMember member : split.surrogates()) {
                surrogates.add(differentiable(split.fleet(), member, scheme, opened, checks));
            }
            List<Differentiable> references = new ArrayList<>();
            for (FleetMember member : split.selectionReferences()) {
                references.add(differentiable(split.fleet(), member, scheme, opened, checks));
            }
            List<FleetMember> members = new ArrayList<>(split.surrogates());
            members.addAll(split.selectionReferences());
            return new FleetEnsemble(List.copyOf(members), surrogates, references, opened);
        } catch (RuntimeException e) {
            opened.forEach(Classifier::close);
            throw e;
        }
    }

    private static Differentiable differentiable(Fleet fleet, FleetMember member, String scheme, List<Classifier> opened,
            GradientCheck checks) {
        Classifier model = fleet.open(member);
        opened.add(model);
        if (!(model instanceof Differentiable differentiable)) {
            throw new InputException("fleet " + fleet.location() + ": member " + member.describe() + " gives no input gradients ("
                    + model.description() + "); " + scheme + " moves its queries along the gradients of every surrogate and"
                    + " selection reference, so each must be a model that gives them (a model directory or TorchScript file),"
                    + " not a random forest, an ONNX file or a prediction API; rebuild the fleet with such members");
        }
        checks.require(differentiable, "fleet member " + member.name());
        return differentiable;
    }

    /** The models that chose the queries: surrogates, then selection references. */
    List<FleetMember> members() {
        return members;
    }

    List<Differentiable> surrogates() {
        return surrogates;
    }

    List<Differentiable> references() {
        return references;
    }

    /** A random {@code share} of {@code models} (rounded, at least one), in random order. */
    static <T> List<T> sample(List<T> models, float share, Random random) {
        int count = Math.max(1, Math.round(models.size() * share));
        if (count >= models.size()) {
            return models;
        }
        List<T> shuffled = new ArrayList<>(models);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, count);
    }

    /** Mean over {@code models} of the softmax probability of each point's class in {@code classMask} (one-hot), recording gradients. */
    static NDArray meanProbability(List<Differentiable> models, NDArray points, NDArray classMask) {
        NDArray sum = null;
        for (Differentiable model : models) {
            NDArray p = model.logits(points).softmax(1).mul(classMask).sum(new int[] {1});
            sum = sum == null ? p : sum.add(p);
        }
        return sum.div(models.size());
    }

    @Override
    public void close() {
        opened.forEach(Classifier::close);
    }
}
