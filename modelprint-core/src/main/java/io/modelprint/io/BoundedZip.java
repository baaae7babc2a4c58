package io.modelprint.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.Zip64ExtendedInformationExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipLong;
import org.apache.commons.compress.archivers.zip.ZipShort;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads a zip held in memory through its central directory (Commons Compress's {@link ZipFile}), as
 * {@code numpy.load} does, so a zip cut short anywhere is refused. Stricter than the library: an
 * entry named twice, a directory the library read only part of ({@link ZipEndRecord}), a local
 * header that names another entry, entries that overlap, an entry whose data does not inflate to its
 * declared size and CRC, and more than {@code maxInflatedBytes} in all (counted as they inflate: a
 * declared size can lie) are refused. Zip64, encrypted entries and
 * methods other than stored and deflated are refused too; nothing this project writes needs them.
 */
public final class BoundedZip {
    private static final int LOCAL_HEADER_SIZE = 30;
    private static final ZipShort ZIP64 = new Zip64ExtendedInformationExtraField().getHeaderId();

    private final byte[] bytes;
    private final ZipFile zip;
    private final long maxInflatedBytes;
    private long left;

    private BoundedZip(byte[] bytes, ZipFile zip, long maxInflatedBytes) {
        this.bytes = bytes;
        this.zip = zip;
        this.maxInflatedBytes = maxInflatedBytes;
        this.left = maxInflatedBytes;
    }

    /** The entries of {@code zip} in central-directory order, by name. */
    public static Map<String, byte[]> read(byte[] zip, long maxInflatedBytes) throws ZipException {
        if (maxInflatedBytes < 0 || maxInflatedBytes > Integer.MAX_VALUE - 9) {
            throw new IllegalArgumentException("a byte array holds at most " + (Integer.MAX_VALUE - 9) + " bytes: "
                    + maxInflatedBytes);
        }
        // local headers are checked against the directory below; their extra fields are not merged, so the zip64
        // check sees the directory's alone (numpy puts a zip64 field in every local header)
        try (ZipFile file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
                .setIgnoreLocalFileHeader(true).get()) {
            return new BoundedZip(zip, file, maxInflatedBytes).entries();
        } catch (ZipException e) {
            throw e; // a refusal below, already worded: the library wraps its own in a plain IOException
        } catch (IOException | IllegalArgumentException e) {
            throw new ZipException("not a zip file, or corrupt or cut short: " + reason(e));
        }
    }

    private Map<String, byte[]> entries() throws ZipException {
        List<ZipArchiveEntry> directory = Collections.list(zip.getEntries());
        Set<String> names = new HashSet<>();
        for (ZipArchiveEntry entry : directory) {
            if (!names.add(entry.getName())) {
                throw new ZipException("entry " + entry.getName() + " is in the zip twice");
            }
            requireReadable(entry);
        }
        ZipEndRecord.requireWholeDirectory(bytes, directory.size());
        requireApart(directory);
        long declared = 0;
        for (ZipArchiveEntry entry : directory) {
            declared += entry.getSize();
            if (declared > maxInflatedBytes) {
                throw new ZipException("entry " + entry.getName() + " declares " + entry.getSize() + " bytes; at most "
                        + maxInflatedBytes + " may inflate in all");
            }
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (ZipArchiveEntry entry : directory) {
            entries.put(entry.getName(), contents(entry));
        }
        return entries;
    }

    private static void requireReadable(ZipArchiveEntry entry) throws ZipException {
        String name = entry.getName();
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            throw new ZipException("entry " + name + " is encrypted");
        }
        if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED) {
            throw new ZipException("entry " + name + " uses compression method " + entry.getMethod()
                    + " (only stored and deflated are read)");
        }
        if (entry.getExtraField(ZIP64) != null) {
            throw new ZipException("entry " + name + " needs zip64, which is not read");
        }
    }

    /** Refuses entries whose local header and data run into the next entry's, in file order. */
    private void requireApart(List<ZipArchiveEntry> directory) throws ZipException {
        List<ZipArchiveEntry> inFile = new ArrayList<>(directory);
        inFile.sort(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset));
        for (int i = 0; i < inFile.size(); i++) {
            ZipArchiveEntry entry = inFile.get(i);
            long end = dataStart(entry) + entry.getCompressedSize();
            if (i + 1 < inFile.size() && end > inFile.get(i + 1).getLocalHeaderOffset()) {
                throw new ZipException("entry " + entry.getName() + " overlaps entry " + inFile.get(i + 1).getName());
            }
        }
    }

    /** Where an entry's data begins: after its local header, which must name the entry as the directory does. */
    private long dataStart(ZipArchiveEntry entry) throws ZipException {
        long at = entry.getLocalHeaderOffset();
        byte[] name = entry.getRawName();
        int nameAt = (int) at + LOCAL_HEADER_SIZE;
        if (at + LOCAL_HEADER_SIZE + name.length > bytes.length
                || ZipLong.getValue(bytes, (int) at) != ZipLong.LFH_SIG.getValue()
                || ZipShort.getValue(bytes, (int) at + 26) != name.length
                || !Arrays.equals(bytes, nameAt, nameAt + name.length, name, 0, name.length)) {
            throw new ZipException("corrupt zip: entry " + entry.getName() + " has no local header of its name at byte "
                    + at);
        }
        return nameAt + name.length + ZipShort.getValue(bytes, (int) at + 28);
    }

    /** The entry's bytes, counted against what may still inflate as they come, then checked against its header. */
    private byte[] contents(ZipArchiveEntry entry) throws ZipException {
        String name = entry.getName();
        long declared = entry.getSize();
        // grown as it fills, not allocated at the declared size: that size is what may lie
        byte[] out = new byte[(int) Math.min(declared, 1 << 16)];
        int length = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            while (length <= left) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(left + 1, Math.max(4096, 2L * length)));
                }
                int n = in.read(out, length, out.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ZipException("entry " + name + " is corrupt or cut short: " + reason(e));
        }
        if (length > left) {
            throw new ZipException("entry " + name + " inflates beyond " + maxInflatedBytes
                    + " bytes (its header says " + declared + "): not what it claims, or a zip bomb");
        }
        if (length != declared) {
            throw new ZipException("entry " + name + " inflates to " + length + " bytes but its header says " + declared);
        }
        CRC32 check = new CRC32();
        check.update(out, 0, length);
        if (check.getValue() != entry.getCrc()) {
            throw new ZipException("entry " + name + " fails its CRC check: corrupt");
        }
        left -= length;
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    /** The library's own reason, which it wraps in "Error reading Zip content from ...". */
    private static String reason(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof EOFException) {
            return "the data ends early";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
