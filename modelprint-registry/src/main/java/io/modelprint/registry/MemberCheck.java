package io.modelprint.registry;

import io.modelprint.scheme.Answers;
import io.modelprint.verify.Verdict;

/**
 * One fingerprint (a registry entry, or one member of a bundle entry) checked against a suspect.
 *
 * @param answersSha256 SHA-256 of what the suspect answered to this fingerprint's queries
 * @param answers those answers (for a report), or null where they were not kept
 */
public record MemberCheck(String scheme, String fingerprintSha256, Verdict verdict, String answersSha256, Answers answers) {
    /** A check whose answers are not kept, only their hash. */
    public MemberCheck(String scheme, String fingerprintSha256, Verdict verdict, String answersSha256) {
        this(scheme, fingerprintSha256, verdict, answersSha256, null);
    }
}
