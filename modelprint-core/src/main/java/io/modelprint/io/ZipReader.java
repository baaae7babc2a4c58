package io.modelprint.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads a zip held in memory through its central directory, as {@code numpy.load} and
 * {@link java.util.zip.ZipFile} do, so a zip cut short anywhere is refused. Stricter than both: an
 * entry named twice, entries that overlap, an entry whose data does not inflate to its declared size
 * and CRC, and more than {@code maxInflatedBytes} in all (counted as they inflate: a declared size
 * can lie) are refused. Zip64, encrypted entries and methods other than stored and deflated are
 * refused too; nothing this project writes needs them.
 */
public final class ZipReader {
    private static final int END = 0x06054b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int END_SIZE = 22;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL_SIZE = 30;
    private static final long ZIP64_MARK = 0xFFFFFFFFL;

    private final ByteBuffer zip;
    private final long maxInflatedBytes;
    private long left;
    private int centralStart;
    private int centralEnd;

    private ZipReader(byte[] zip, long maxInflatedBytes) {
        if (maxInflatedBytes < 0 || maxInflatedBytes > Integer.MAX_VALUE - 9) {
            throw new IllegalArgumentException("a byte array holds at most " + (Integer.MAX_VALUE - 9) + " bytes: "
                    + maxInflatedBytes);
        }
        this.zip = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        this.maxInflatedBytes = maxInflatedBytes;
        this.left = maxInflatedBytes;
    }

    /** The entries of {@code zip} in central-directory order, by name. */
    public static Map<String, byte[]> read(byte[] zip, long maxInflatedBytes) throws ZipException {
        return new ZipReader(zip, maxInflatedBytes).entries();
    }

    /** One central-directory record: where its data lies and what it must inflate to. */
    private record Entry(String name, int method, long crc, int data, long compressed, long declared) {}

    private Map<String, byte[]> entries() throws ZipException {
        List<Entry> directory = directory();
        long declared = 0;
        for (Entry entry : directory) {
            declared += entry.declared();
            if (declared > maxInflatedBytes) {
                throw new ZipException("entry " + entry.name() + " declares " + entry.declared() + " bytes; at most "
                        + maxInflatedBytes + " may inflate in all");
            }
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Entry entry : directory) {
            byte[] bytes = switch (entry.method()) {
                case 0 -> stored(entry);
                case 8 -> inflate(entry);
                default -> throw new ZipException("entry " + entry.name() + " uses compression method " + entry.method()
                        + " (only stored and deflated are read)");
            };
            CRC32 check = new CRC32();
            check.update(bytes);
            if (check.getValue() != entry.crc()) {
                throw new ZipException("entry " + entry.name() + " fails its CRC check: corrupt");
            }
            left -= bytes.length;
            entries.put(entry.name(), bytes);
        }
        return entries;
    }

    /** The central directory's records, checked against each other and the file before any is inflated. */
    private List<Entry> directory() throws ZipException {
        int end = findEnd();
        int count = u16(end + 10);
        long size = u32(end + 12);
        long offset = u32(end + 16);
        if (u16(end + 4) != 0 || u16(end + 6) != 0 || u16(end + 8) != count) {
            throw new ZipException("a zip split over several disks is not read");
        }
        if (count == 0xFFFF || size == ZIP64_MARK || offset == ZIP64_MARK) {
            throw new ZipException("a zip64 archive is not read");
        }
        if (offset + size != end) {
            throw new ZipException("corrupt zip: the central directory does not end where the end record begins");
        }
        centralStart = (int) offset;
        centralEnd = end;
        List<Entry> directory = new ArrayList<>();
        Set<String> names = new HashSet<>();
        TreeMap<Long, Long> spans = new TreeMap<>();
        int at = centralStart;
        for (int i = 0; i < count; i++) {
            Entry entry = record(at);
            if (!names.add(entry.name())) {
                throw new ZipException("entry " + entry.name() + " is in the zip twice");
            }
            long local = u32(at + 42);
            Long before = spans.floorKey(entry.data() + entry.compressed() - 1); // the last span starting before this one ends
            if (before != null && spans.get(before) > local) {
                throw new ZipException("entry " + entry.name() + " overlaps another entry");
            }
            spans.put(local, entry.data() + entry.compressed());
            directory.add(entry);
            at = next(at);
        }
        if (at != end) {
            throw new ZipException("corrupt zip: the central directory holds more than its " + count + " entries");
        }
        return directory;
    }

    /** The end-of-central-directory record: the last one, whose comment runs exactly to the end. */
    private int findEnd() throws ZipException {
        int last = zip.limit() - END_SIZE;
        for (int at = last; at >= 0 && at >= last - 0xFFFF; at--) {
            if (zip.getInt(at) == END && at + END_SIZE + u16(at + 20) == zip.limit()) {
                return at;
            }
        }
        throw new ZipException("not a zip file, or cut short (no end of central directory record)");
    }

    /** Where the central-directory record after the one at {@code at} starts. */
    private int next(int at) {
        return at + CENTRAL_SIZE + u16(at + 28) + u16(at + 30) + u16(at + 32);
    }

    private Entry record(int at) throws ZipException {
        require(at, CENTRAL_SIZE, centralEnd, "the central directory");
        if (zip.getInt(at) != CENTRAL) {
            throw new ZipException("corrupt zip: no central directory record at byte " + at);
        }
        require(at, next(at) - at, centralEnd, "the central directory");
        byte[] nameBytes = bytes(at + CENTRAL_SIZE, u16(at + 28));
        String name = name(nameBytes);
        long compressed = u32(at + 20);
        long declared = u32(at + 24);
        long local = u32(at + 42);
        if ((u16(at + 8) & 1) != 0) {
            throw new ZipException("entry " + name + " is encrypted");
        }
        if (compressed == ZIP64_MARK || declared == ZIP64_MARK || local == ZIP64_MARK) {
            throw new ZipException("entry " + name + " needs zip64, which is not read");
        }
        int data = dataStart(name, (int) Math.min(local, Integer.MAX_VALUE), nameBytes);
        require(data, compressed, centralStart, "entry " + name + "'s data");
        return new Entry(name, u16(at + 10), u32(at + 16), data, compressed, declared);
    }

    /** Where an entry's data begins: after its local header, whose name must be the central directory's. */
    private int dataStart(String name, int local, byte[] nameBytes) throws ZipException {
        require(local, LOCAL_SIZE, centralStart, "entry " + name + "'s local header");
        if (zip.getInt(local) != LOCAL) {
            throw new ZipException("corrupt zip: no local header for entry " + name + " at byte " + local);
        }
        int nameLength = u16(local + 26);
        require(local + LOCAL_SIZE, nameLength, centralStart, "entry " + name + "'s local header");
        if (!Arrays.equals(nameBytes, bytes(local + LOCAL_SIZE, nameLength))) {
            throw new ZipException("corrupt zip: entry " + name + "'s local header names another entry");
        }
        return local + LOCAL_SIZE + nameLength + u16(local + 28);
    }

    private byte[] stored(Entry entry) throws ZipException {
        if (entry.compressed() != entry.declared()) {
            throw new ZipException("entry " + entry.name() + " is stored in " + entry.compressed() + " bytes but declares "
                    + entry.declared());
        }
        return bytes(entry.data(), (int) entry.compressed());
    }

    private byte[] inflate(Entry entry) throws ZipException {
        String name = entry.name();
        long declared = entry.declared();
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(zip.array(), entry.data(), (int) entry.compressed());
            // grown as it fills, not allocated at the declared size: that size is what may lie
            byte[] out = new byte[(int) Math.min(declared, 1 << 16)];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(left + 1, Math.max(4096, 2L * length)));
                }
                int n = inflater.inflate(out, length, out.length - length);
                length += n;
                if (length > left) {
                    throw new ZipException("entry " + name + " inflates beyond " + maxInflatedBytes
                            + " bytes (its header says " + declared + "): not what it claims, or a zip bomb");
                }
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new ZipException("entry " + name + "'s compressed data ends early: cut short or corrupt");
                }
            }
            if (length != declared) {
                throw new ZipException("entry " + name + " inflates to " + length + " bytes but its header says " + declared);
            }
            return length == out.length ? out : Arrays.copyOf(out, length);
        } catch (DataFormatException e) {
            throw new ZipException("entry " + name + " is corrupt: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static String name(byte[] bytes) throws ZipException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ZipException("corrupt zip: an entry's name is not UTF-8");
        }
    }

    private void require(long at, long length, long limit, String what) throws ZipException {
        if (at < 0 || length < 0 || at + length > Math.min(limit, zip.limit())) {
            throw new ZipException("corrupt zip, or cut short: " + what + " lies outside the file");
        }
    }

    private byte[] bytes(int at, int length) {
        return Arrays.copyOfRange(zip.array(), at, at + length);
    }

    private int u16(int at) {
        return Short.toUnsignedInt(zip.getShort(at));
    }

    private long u32(int at) {
        return Integer.toUnsignedLong(zip.getInt(at));
    }
}
