package io.modelprint.spark;

import io.modelprint.registry.EvidenceRecord;
import java.io.Serializable;

/**
 * One row of a Spark scan's results (a Java bean, so Spark writes it to Parquet as columns): a suspect
 * against one fingerprint (one member of a bundle), or the suspect's error, or why a fingerprint could
 * not be checked.
 */
public class ScanRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private String suspect;
    private String suspectSha256;
    private String fingerprintId;
    private String fingerprintSha256;
    private String owner;
    private String ownerKey;
    private String name;
    private String scheme;
    private Integer queries;
    private String answersSha256;
    private Double similarity;
    private Double threshold;
    private Double pValue;
    private String verdict;
    private String incompatible;
    private String error;
    private String recordedAt;
    private String toolVersion;
    private double loadSeconds;
    private double scanSeconds;

    public ScanRow() {}

    /** True when this row is a verification (goes to the evidence log). */
    public boolean checked() {
        return verdict != null;
    }

    public EvidenceRecord toEvidence() {
        return new EvidenceRecord(0, recordedAt, toolVersion, suspect, suspectSha256, null, fingerprintId, fingerprintSha256, scheme,
                queries, answersSha256, similarity, threshold, pValue, verdict, null, null).withOwner(owner, ownerKey);
    }

    public String getSuspect() { return suspect; }
    public void setSuspect(String v) { suspect = v; }
    public String getSuspectSha256() { return suspectSha256; }
    public void setSuspectSha256(String v) { suspectSha256 = v; }
    public String getFingerprintId() { return fingerprintId; }
    public void setFingerprintId(String v) { fingerprintId = v; }
    public String getFingerprintSha256() { return fingerprintSha256; }
    public void setFingerprintSha256(String v) { fingerprintSha256 = v; }
    public String getOwner() { return owner; }
    public void setOwner(String v) { owner = v; }
    public String getOwnerKey() { return ownerKey; }
    public void setOwnerKey(String v) { ownerKey = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getScheme() { return scheme; }
    public void setScheme(String v) { scheme = v; }
    public Integer getQueries() { return queries; }
    public void setQueries(Integer v) { queries = v; }
    public String getAnswersSha256() { return answersSha256; }
    public void setAnswersSha256(String v) { answersSha256 = v; }
    public Double getSimilarity() { return similarity; }
    public void setSimilarity(Double v) { similarity = v; }
    public Double getThreshold() { return threshold; }
    public void setThreshold(Double v) { threshold = v; }
    public Double getPValue() { return pValue; }
    public void setPValue(Double v) { pValue = v; }
    public String getVerdict() { return verdict; }
    public void setVerdict(String v) { verdict = v; }
    public String getIncompatible() { return incompatible; }
    public void setIncompatible(String v) { incompatible = v; }
    public String getError() { return error; }
    public void setError(String v) { error = v; }
    public String getRecordedAt() { return recordedAt; }
    public void setRecordedAt(String v) { recordedAt = v; }
    public String getToolVersion() { return toolVersion; }
    public void setToolVersion(String v) { toolVersion = v; }
    public double getLoadSeconds() { return loadSeconds; }
    public void setLoadSeconds(double v) { loadSeconds = v; }
    public double getScanSeconds() { return scanSeconds; }
    public void setScanSeconds(double v) { scanSeconds = v; }
}
