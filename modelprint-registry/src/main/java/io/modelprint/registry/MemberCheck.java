package io.modelprint.registry;

import io.modelprint.verify.Verdict;

/**
 * One fingerprint (a registry entry, or one member of a bundle entry) checked against a suspect.
 *
 * @param answersSha256 SHA-256 of what the suspect answered to this fingerprint's queries
 */
public record MemberCheck(String scheme, String fingerprintSha256, Verdict verdict, String answersSha256) {}
