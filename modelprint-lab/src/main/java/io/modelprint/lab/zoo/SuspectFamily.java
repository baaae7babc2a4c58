package io.modelprint.lab.zoo;

import java.util.List;
import java.util.Locale;

/** How a suspect was derived, as results are reported per family (negatives are their own family). */
public final class SuspectFamily {
    public static final String NEGATIVE = "negative";
    /** Report order of the families the zoo holds today; families added later follow in the order met. */
    public static final List<String> ORDER = List.of("fine-tuning", "pruning", "fine-pruning", "reparametrization", "quantization",
            "evasive serving", "transfer learning", "probability extraction", "label extraction", "adversarial extraction", "extraction from other data");

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
            case "DISTILL-ADV" -> "adversarial extraction";
            case "DISTILL-OTHER" -> "extraction from other data";
            default -> entry.kind().toLowerCase(Locale.ROOT);
        };
    }
}
