package io.modelprint.report;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.verify.CombinedVerdict;
import io.modelprint.verify.Decision;
import java.util.List;

/**
 * One fingerprint (one member, or a bundle's) checked against the suspect, as a report shows it.
 *
 * @param id its registry id (for a file not registered: the id it would get)
 * @param name the file name or the name it is registered under
 * @param owner the owner it is registered under; null when it is not registered (under its signer's key)
 * @param ownerKey SHA-256 of the key the registry bound to that owner; null when not registered
 * @param members the fingerprint's members, as read (hashes and signatures checked)
 * @param outcomes each member's outcome, in the members' order
 * @param combined a bundle's combined verdict; null for one member, or when some member has no verdict
 * @param commands shell commands that check this fingerprint again (shown as given)
 */
public record CheckedFingerprint(String id, String name, String owner, String ownerKey, List<Fingerprint> members,
        List<MemberOutcome> outcomes, CombinedVerdict combined, List<String> commands) {
    public CheckedFingerprint {
        if (members.isEmpty() || members.size() != outcomes.size()) {
            throw new IllegalArgumentException(members.size() + " members but " + outcomes.size() + " outcomes");
        }
        members = List.copyOf(members);
        outcomes = List.copyOf(outcomes);
        commands = List.copyOf(commands);
    }

    /** The verdict a reader sees first: the combined one, the single member's, or null when there is none. */
    public Decision decision() {
        if (combined != null) {
            return combined.decision();
        }
        return members.size() == 1 && outcomes.get(0).verdict() != null ? outcomes.get(0).verdict().decision() : null;
    }

    /** The verdict as text, with what decided it when that was not a p-value ("derived (uncalibrated)"); "not judged". */
    public String decisionText() {
        if (combined != null) {
            return combined.pValue() != null ? combined.decision().label() : combined.decision().label() + " (majority, uncalibrated)";
        }
        return decision() == null ? "not judged" : outcomes.get(0).verdict().decisionText();
    }

    /** The p-value that decided (combined for a bundle); null when uncalibrated or not judged. */
    public Double pValue() {
        if (combined != null) {
            return combined.pValue();
        }
        return members.size() == 1 && outcomes.get(0).verdict() != null ? outcomes.get(0).verdict().pValue() : null;
    }
}
