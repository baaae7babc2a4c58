package io.modelprint.registry;

import io.modelprint.verify.CombinedVerdict;
import io.modelprint.verify.Decision;
import java.util.Comparator;
import java.util.List;

/**
 * A registered fingerprint against one suspect: each member's verdict (one, or a bundle's), the
 * bundle's combined verdict, or why this suspect cannot be checked against it.
 */
public record ScanMatch(RegistryEntry entry, List<MemberCheck> members, CombinedVerdict combined, String incompatible) {
    /** Derived (or unmodified: the target itself) first, then the smallest p-value, then the largest similarity above threshold. */
    public static final Comparator<ScanMatch> RANKING = Comparator
            .comparing((ScanMatch m) -> m.checked() ? 0 : 1)
            .thenComparing(m -> m.decision() == Decision.DERIVED || m.decision() == Decision.UNMODIFIED ? 0 : 1)
            .thenComparing(m -> m.pValue() == null ? Double.POSITIVE_INFINITY : m.pValue())
            .thenComparing(m -> -m.margin());

    public static ScanMatch incompatible(RegistryEntry entry, String why) {
        return new ScanMatch(entry, List.of(), null, why);
    }

    public boolean checked() {
        return incompatible == null;
    }

    public Decision decision() {
        if (!checked()) {
            return null;
        }
        return combined != null ? combined.decision() : members.get(0).verdict().decision();
    }

    public Double pValue() {
        if (!checked()) {
            return null;
        }
        return combined != null ? combined.pValue() : members.get(0).verdict().pValue();
    }

    /** Similarity minus threshold (a bundle: the largest of its members'). */
    public double margin() {
        return members.stream().mapToDouble(m -> m.verdict().similarity() - m.verdict().threshold()).max()
                .orElse(Double.NEGATIVE_INFINITY);
    }
}
