package io.modelprint.lab.zoo;

import java.util.List;
import java.util.Locale;

/**
 * How a suspect was derived, as results are reported per family. Negatives are one family for
 * scoring ({@link #NEGATIVE}); {@link #negativeKind} tells them apart for reporting.
 */
public final class SuspectFamily {
    public static final String NEGATIVE = "negative";
    public static final String ADVERSARIAL_SMALL = "adversarial extraction (eps 4/256)";
    public static final String ADVERSARIAL_LARGE = "adversarial extraction (eps 0.1)";
    /** Report order of the families the zoo holds today; families added later follow in the order met. */
    public static final List<String> ORDER = List.of("fine-tuning", "pruning", "fine-pruning", "reparametrization", "quantization",
            "evasive serving", "transfer learning", "probability extraction", "label extraction", ADVERSARIAL_SMALL, ADVERSARIAL_LARGE,
            "extraction from other data");

    /** Negatives trained as the target was (its architecture, epochs and the whole training split), with other seeds. */
    public static final String NEGATIVE_SAME_RECIPE = "negative (same recipe)";
    /** Negatives of another architecture or recipe that saw the whole training split. */
    public static final String NEGATIVE_FULL_DATA = "negative (full data)";
    /** Negatives that saw a subset of the training split (the attacker's share), random forests included. */
    public static final String NEGATIVE_SUBSET = "negative (subset)";
    /** Negatives trained by another program than modelprint (PyTorch, read as TorchScript). */
    public static final String NEGATIVE_OTHER_PIPELINE = "negative (other pipeline)";
    /** Report order of the kinds of negatives. */
    public static final List<String> NEGATIVE_KINDS = List.of(NEGATIVE_SAME_RECIPE, NEGATIVE_FULL_DATA, NEGATIVE_SUBSET,
            NEGATIVE_OTHER_PIPELINE);

    /** The parameter of a negative trained with the target's own recipe ({@code "recipe": "target"}). */
    static final String RECIPE = "recipe";
    /** The parameter naming the program that trained a model made outside modelprint ({@code "pipeline": "pytorch"}). */
    static final String PIPELINE = "pipeline";

    /** The positive families of the IPGuard paper's evaluation (its robustness is computed over these). */
    public static final List<String> PAPER_POSITIVES = List.of("fine-tuning", "pruning");

    private SuspectFamily() {}

    /** The task a suspect answers, when it is not the target's (transfer learning and its negatives); else null. */
    public static String task(ZooEntry entry) {
        Object task = entry.parameters().get("task");
        return task == null ? null : task.toString();
    }

    /** Report position of a family: as in {@link #ORDER}, families not listed after them, negatives last. */
    public static int rank(String family) {
        int index = ORDER.indexOf(family);
        return index >= 0 ? index : NEGATIVE.equals(family) ? ORDER.size() + 1 : ORDER.size();
    }

    public static String of(ZooEntry entry) {
        if (entry.group() == SuspectGroup.NEGATIVE) {
            return NEGATIVE;
        }
        return switch (entry.kind()) {
            case "FTLL", "FTAL", "RTLL", "RTAL" -> "fine-tuning";
            case "WP", "FP" -> "pruning";
            case "FINE-PRUNE" -> "fine-pruning";
            case "REPARAM-PERMUTE", "REPARAM-BNFOLD" -> "reparametrization";
            case "QUANT-FP16", "QUANT-INT8", OnnxCopy.KIND -> "quantization";
            case "EVASIVE" -> "evasive serving";
            case "TRANSFER" -> "transfer learning";
            case "DISTILL-PROB" -> "probability extraction";
            case "DISTILL-LABEL" -> "label extraction";
            case "DISTILL-ADV" -> adversarial(entry.parameters().get("epsilon"));
            case "DISTILL-OTHER" -> "extraction from other data";
            default -> entry.kind().toLowerCase(Locale.ROOT);
        };
    }

    /** What kind of negative {@code entry} is (one of {@link #NEGATIVE_KINDS}); null for a suspect that is no negative. */
    public static String negativeKind(ZooEntry entry) {
        if (entry.group() != SuspectGroup.NEGATIVE) {
            return null;
        }
        if (entry.parameters().get(PIPELINE) != null) {
            return NEGATIVE_OTHER_PIPELINE;
        }
        if ("target".equals(entry.parameters().get(RECIPE))) {
            return NEGATIVE_SAME_RECIPE;
        }
        return "full".equals(entry.parameters().get("data")) ? NEGATIVE_FULL_DATA : NEGATIVE_SUBSET;
    }

    /** The adversarial family of a PGD radius: ε 4/256 (SACBench's) and 0.1 are reported apart; another ε is named as it is. */
    static String adversarial(Object epsilon) {
        if (!(epsilon instanceof Number number)) {
            return "adversarial extraction";
        }
        float value = number.floatValue();
        if (value == ZooPlan.PGD_SMALL_EPSILON) {
            return ADVERSARIAL_SMALL;
        }
        return value == ZooPlan.PGD_EPSILON ? ADVERSARIAL_LARGE : "adversarial extraction (eps " + value + ")";
    }
}
