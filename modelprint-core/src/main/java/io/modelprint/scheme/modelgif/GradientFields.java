package io.modelprint.scheme.modelgif;

import io.modelprint.InputException;
import io.modelprint.gradient.GradientCheck;
import io.modelprint.model.Classifier;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.GradientField;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.Representation;

/**
 * ModelGiF's representation: a model's gradient field on the samples ({@link IntegratedGradientField}),
 * asked of the model beside its scores on the samples (the scores give its own top class at each), after
 * the model's input gradients pass {@link GradientCheck}.
 */
public final class GradientFields implements Representation<GradientField> {
    private final IntegratedGradientField field;
    private final int steps;

    public GradientFields(PathQuadrature path, ReferencePoint reference) {
        this.field = new IntegratedGradientField(path, reference);
        this.steps = path.steps();
    }

    @Override
    public String name() {
        return "modelgif-field";
    }

    @Override
    public Access access() {
        return Access.GRADIENTS;
    }

    @Override
    public Answers ask(Classifier model, Queries queries) {
        if (!(model instanceof Differentiable differentiable)) {
            throw new InputException(model.description() + ": gives no input gradients, which this scheme compares");
        }
        // a suspect's field is only as good as its engine's input gradients (docs/design.md: oneDNN's wrong kernels)
        new GradientCheck().require(differentiable, model.description());
        Answers scores = Answers.ask(model, queries, Access.SCORES);
        return scores.withField(field.of(differentiable, queries.values(), queries.count(), scores.labels()));
    }

    @Override
    public int inputsPerQuery() {
        return steps;
    }

    @Override
    public GradientField represent(Answers answers) {
        GradientField gradients = answers.field();
        if (gradients == null) {
            throw new IllegalArgumentException("the answers hold no gradient field");
        }
        if (gradients.steps() != steps) {
            throw new IllegalArgumentException("the gradient field has " + gradients.steps() + " steps per path, the scheme "
                    + steps);
        }
        return gradients;
    }
}
