package io.modelprint.lab.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One parameter of the paper's Table 4 swept over values for one or more methods, which take turns
 * at each value (the paper sweeps FGSM and IGSM over the same ε). {@code parameter} is the name the
 * schemes read, {@code shown} its name in the report (results, CSV files, figures). A sweep without
 * a parameter runs each of its methods once.
 */
public record Sweep(String parameter, String shown, List<Double> values, List<SweptMethod> methods) {
    public Sweep {
        values = List.copyOf(values);
        methods = List.copyOf(methods);
    }

    public static Sweep of(String parameter, String shown, double[] values, SweptMethod... methods) {
        return new Sweep(parameter, shown, Arrays.stream(values).boxed().toList(), List.of(methods));
    }

    public static Sweep once(SweptMethod... methods) {
        return new Sweep(null, null, List.of(), List.of(methods));
    }

    /** The sweep's points for one initialization x target-label combination, at {@code n} queries each. */
    List<SweepPoint> points(String combo, int n) {
        List<SweepPoint> points = new ArrayList<>();
        if (parameter == null) {
            methods.forEach(m -> points.add(new SweepPoint(m.scheme(), combo, null, null, 0, m.fixed(), n)));
        }
        for (double value : values) {
            methods.forEach(m -> points.add(new SweepPoint(m.scheme(), combo, parameter, shown, value, m.fixed(), n)));
        }
        return points;
    }
}
