package io.modelprint.fingerprint;

import io.modelprint.InputException;
import io.modelprint.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Several schemes' fingerprints of one target in one file: each member's entries under its scheme's
 * name ({@code sac-w/queries.npy}), then {@code bundle.json} listing the members in order with a
 * hash over their own content hashes.
 */
final class FingerprintBundle {
    static final String BUNDLE = "bundle.json";
    /** A scheme's name: no path separators, no "." or "..", so a member's entries stay in its own folder. */
    private static final Pattern MEMBER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private FingerprintBundle() {}

    /** {@code bundle.json}: the members in order and a hash over their own content hashes. */
    record BundleMeta(int formatVersion, List<String> members, String contentSha256) {}

    /** The entries of a bundle of {@code members}, in file order. */
    static Map<String, byte[]> entries(List<Fingerprint> members) {
        io.modelprint.scheme.Schemes.requireOneQuestion(members.stream().<io.modelprint.scheme.Scheme<?>>map(Fingerprint::scheme).toList(),
                "a bundle");
        List<String> names = new ArrayList<>();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<Fingerprint> hashed = new ArrayList<>();
        for (Fingerprint member : members) {
            String name = member.meta().scheme();
            if (names.contains(name)) {
                throw new InputException("a bundle holds each scheme once; " + name + " is given twice");
            }
            names.add(name);
            FingerprintCodec.Encoded encoded = FingerprintCodec.encode(member);
            hashed.add(member.withMeta(encoded.meta()));
            entries.putAll(encoded.parts().entries(name + "/"));
        }
        entries.put(BUNDLE, FingerprintCodec.json(new BundleMeta(FingerprintMeta.FORMAT_VERSION, names, hash(hashed))));
        return entries;
    }

    /** The members of the bundle whose entries these are, checked one by one and as a whole. */
    static List<Fingerprint> decode(String source, Map<String, byte[]> entries) {
        BundleMeta bundle = meta(source, entries.get(BUNDLE));
        List<Fingerprint> members = new ArrayList<>();
        for (String name : bundle.members()) {
            String where = source + " (member " + name + ")";
            Fingerprint member = FingerprintCodec.decode(where, entries, name + "/");
            if (!name.equals(member.meta().scheme())) {
                throw new InputException(where + ": holds a fingerprint of scheme " + member.meta().scheme()
                        + "; a bundle files each member under its scheme's name");
            }
            members.add(member);
        }
        io.modelprint.scheme.Schemes.requireOneQuestion(members.stream().<io.modelprint.scheme.Scheme<?>>map(Fingerprint::scheme).toList(),
                source);
        if (!hash(members).equals(bundle.contentSha256())) {
            throw new InputException(source + ": content hash mismatch: the bundle's members were changed, removed or"
                    + " reordered after it was made");
        }
        List<String> defined = new ArrayList<>(List.of(BUNDLE));
        members.forEach(member -> defined.addAll(FingerprintCodec.entryNames(member, member.meta().scheme() + "/")));
        FingerprintArchive.requireOnly(source, entries, defined);
        return members;
    }

    private static BundleMeta meta(String source, byte[] json) {
        BundleMeta bundle;
        try {
            bundle = FingerprintCodec.JSON.readValue(json, BundleMeta.class);
        } catch (IOException e) {
            throw new InputException(source + ": " + BUNDLE + " is not valid: " + e.getMessage());
        }
        if (bundle == null || bundle.members() == null || bundle.members().isEmpty() || bundle.contentSha256() == null) {
            throw new InputException(source + ": " + BUNDLE + " lists no members or lacks its contentSha256");
        }
        if (new HashSet<>(bundle.members()).size() != bundle.members().size()) {
            throw new InputException(source + ": " + BUNDLE + " lists a member twice: " + bundle.members());
        }
        for (String name : bundle.members()) {
            if (name == null || !MEMBER_NAME.matcher(name).matches()) {
                throw new InputException(source + ": " + BUNDLE + " lists a member named '" + name
                        + "'; members are named by their schemes");
            }
        }
        return bundle;
    }

    /** The bundle's hash: over each member's scheme and content hash, in order. */
    static String hash(List<Fingerprint> members) {
        List<byte[]> parts = new ArrayList<>();
        for (Fingerprint m : members) {
            parts.add((m.meta().scheme() + "\n" + m.meta().contentSha256() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(parts.toArray(new byte[0][]));
    }
}
