package io.modelprint.fingerprint;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelprint.InputException;
import io.modelprint.io.Npy;
import io.modelprint.scheme.GradientField;
import io.modelprint.scheme.LayerActivations;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.Schemes;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One fingerprint to its {@link FingerprintParts} (hash set) and back, with every check a read makes. */
final class FingerprintCodec {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FingerprintCodec() {}

    /** A fingerprint's parts, and its meta with the content hash set (as its meta.json says). */
    record Encoded(FingerprintParts parts, FingerprintMeta meta) {}

    static Encoded encode(Fingerprint fingerprint) {
        Queries q = fingerprint.queries();
        FingerprintMeta meta = fingerprint.meta();
        if (meta.formatVersion() == 1 && (fingerprint.scores() != null || fingerprint.field() != null
                || fingerprint.activations() != null)) {
            throw new IllegalArgumentException("a version 1 fingerprint holds labels only");
        }
        FingerprintParts unhashed = new FingerprintParts(
                Npy.encode(q.values(), q.spec().batchShape(q.count()).getShape()),
                Npy.encode(fingerprint.labels(), fingerprint.size()),
                fingerprint.scores() == null ? null
                        : Npy.encode(fingerprint.scores(), new long[] {fingerprint.size(), meta.numClasses()}),
                fingerprint.field() == null ? null
                        : Npy.encode(fingerprint.field().values(),
                                GradientField.shape(fingerprint.size(), fingerprint.field().steps(), q.spec())),
                fingerprint.activations() == null ? null
                        : Npy.encode(fingerprint.activations().values(),
                                new long[] {fingerprint.size(), fingerprint.activations().units()}),
                FingerprintWeights.encode(fingerprint.weights()),
                json(meta.withContentSha256(null)));
        FingerprintMeta finished = meta.withContentSha256(FingerprintHash.of(meta.formatVersion(), unhashed));
        if (meta.signature() != null) {
            try {
                FingerprintSigner.check("the fingerprint to write", finished, finished.contentSha256());
            } catch (InputException e) {
                // a writer changed a signed fingerprint without signing it again: it must drop the signature or re-sign
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return new Encoded(unhashed.withMeta(json(finished)), finished);
    }

    /** Every entry name {@code fingerprint} may have under {@code prefix}: the fixed ones and its weights. */
    static List<String> entryNames(Fingerprint fingerprint, String prefix) {
        List<String> names = new java.util.ArrayList<>(FingerprintParts.names(prefix));
        FingerprintWeights.entryNames(fingerprint.weights() == null ? null : fingerprint.meta().network()).forEach(name -> names.add(prefix + name));
        return names;
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Decodes and checks the fingerprint whose entries are under {@code prefix} ("" or "member/") in
     * {@code entries}; {@code where} names it in errors.
     */
    static Fingerprint decode(String where, Map<String, byte[]> entries, String prefix) {
        for (String required : List.of(FingerprintParts.QUERIES, FingerprintParts.LABELS, FingerprintParts.META)) {
            if (!entries.containsKey(prefix + required)) {
                throw new InputException(where + ": not a modelprint fingerprint (no " + prefix + required
                        + "; entries: " + entries.keySet() + ")");
            }
        }
        return decode(where, FingerprintParts.of(entries, prefix));
    }

    private static Fingerprint decode(String where, FingerprintParts parts) {
        FingerprintMeta meta = meta(where, parts.meta());
        if (meta.formatVersion() == 1 && (parts.scores() != null || parts.field() != null || parts.activations() != null)) {
            throw new InputException(where + ": a version 1 fingerprint holds labels only, yet it has "
                    + (parts.scores() != null ? FingerprintParts.SCORES : parts.field() != null ? FingerprintParts.FIELD
                            : FingerprintParts.ACTIVATIONS));
        }
        String actual = FingerprintHash.of(meta.formatVersion(), parts);
        if (!actual.equals(meta.contentSha256())) {
            throw new InputException(where + ": content hash mismatch: the " + (meta.formatVersion() == 1 ? "arrays" : "arrays or meta.json")
                    + " were changed after the fingerprint was made (meta.json says " + meta.contentSha256() + ", content hashes to "
                    + actual + ")");
        }
        FingerprintSigner.check(where, meta, actual);
        if (meta.formatVersion() == 2 && Schemes.find(meta.scheme()).isEmpty()) {
            throw new InputException(where + ": made with scheme '" + meta.scheme() + "', which this modelprint does not know"
                    + " (known: " + String.join(", ", Schemes.names()) + ")");
        }
        Npy.Array queries;
        Npy.Array labels;
        Npy.Array scores = null;
        Npy.Array field = null;
        Npy.Array activations = null;
        try {
            queries = Npy.decode(parts.queries());
            labels = Npy.decode(parts.labels());
            if (parts.scores() != null) {
                scores = Npy.decode(parts.scores());
            }
            if (parts.field() != null) {
                field = Npy.decode(parts.field());
            }
            if (parts.activations() != null) {
                activations = Npy.decode(parts.activations());
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + e.getMessage());
        }
        long[] expectedShape = meta.inputSpec().batchShape(labels.elementCount()).getShape();
        if (labels.shape().length != 1 || !Arrays.equals(queries.shape(), expectedShape)) {
            throw new InputException(where + ": queries have shape " + Arrays.toString(queries.shape())
                    + " and labels " + Arrays.toString(labels.shape()) + "; expected " + Arrays.toString(expectedShape));
        }
        if (scores != null && !Arrays.equals(scores.shape(), new long[] {labels.elementCount(), meta.numClasses()})) {
            throw new InputException(where + ": scores have shape " + Arrays.toString(scores.shape()) + "; expected ["
                    + labels.elementCount() + ", " + meta.numClasses() + "]");
        }
        // with activations, meta.json's network names the layers they come from; their weights are not stored
        FingerprintActivations.requireFor(where, meta, activations != null);
        var weights = activations != null && parts.tensors().isEmpty() ? null
                : FingerprintWeights.decode(where, meta.network(), parts.tensors());
        GradientField gradientField = field == null ? null : field(where, field, meta, labels.elementCount());
        LayerActivations layer = activations == null ? null : FingerprintActivations.decode(where, activations, meta,
                labels.elementCount());
        try {
            Queries q = new Queries(meta.inputSpec(), queries.toFloats(), (int) labels.elementCount());
            Fingerprint fingerprint = new Fingerprint(q, labels.toLongs(), scores == null ? null : scores.toFloats(), meta, weights,
                    gradientField, layer);
            FingerprintChecks.validate(fingerprint);
            SchemeFit.check(where, fingerprint);
            return fingerprint;
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + e.getMessage());
        }
    }

    /** {@code field.npy} as a gradient field: [n, steps, then the input's C, H, W], float32. */
    private static GradientField field(String where, Npy.Array field, FingerprintMeta meta, long n) {
        long[] shape = field.shape();
        long steps = shape.length > 1 ? shape[1] : 0;
        long[] expected = GradientField.shape(n, Math.max(1, steps), meta.inputSpec());
        if (steps < 1 || steps > Integer.MAX_VALUE || !Arrays.equals(shape, expected)) {
            throw new InputException(where + ": " + FingerprintParts.FIELD + " has shape " + Arrays.toString(shape)
                    + "; expected [" + n + ", steps, " + meta.inputSpec().describeShape() + "] (the queries' count, then one input per step)");
        }
        try {
            return new GradientField((int) n, (int) shape[1], meta.inputSpec().pixelsPerImage(), field.toFloats());
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + FingerprintParts.FIELD + ": " + e.getMessage());
        }
    }

    private static FingerprintMeta meta(String where, byte[] json) {
        FingerprintMeta meta;
        try {
            meta = JSON.readValue(json, FingerprintMeta.class);
        } catch (JacksonException e) {
            throw new InputException(where + ": meta.json is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(where + ": meta.json cannot be read: " + e.getMessage());
        }
        if (meta == null) {
            throw new InputException(where + ": meta.json is empty (null)");
        }
        if (meta.formatVersion() != 1 && meta.formatVersion() != 2) {
            throw new InputException(where + ": fingerprint format version " + meta.formatVersion()
                    + " is not supported (this modelprint reads versions 1 and 2)");
        }
        if (meta.inputSpec() == null || meta.contentSha256() == null || meta.scheme() == null) {
            throw new InputException(where + ": meta.json lacks scheme, inputSpec or contentSha256");
        }
        return meta;
    }
}
