package io.modelprint.report;

import io.modelprint.scheme.Answers;
import io.modelprint.verify.Verdict;

/**
 * What became of one member of a fingerprint against the suspect: its verdict and the suspect's
 * answers to its queries, or why there are none ({@code error}).
 */
public record MemberOutcome(Verdict verdict, Answers answers, String error) {
    public static MemberOutcome judged(Verdict verdict, Answers answers) {
        return new MemberOutcome(verdict, answers, null);
    }

    public static MemberOutcome failed(String error) {
        return new MemberOutcome(null, null, error);
    }
}
