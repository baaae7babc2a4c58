package io.modelprint.io;

import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipLong;
import org.apache.commons.compress.archivers.zip.ZipShort;

/**
 * A zip's end-of-central-directory record, checked against the directory Commons Compress read. The
 * library reads directory records until one lacks its signature, silently dropping the entries after
 * a damaged one, and shifts every offset when the directory does not end where this record begins
 * (bytes before the first entry); numpy's reader refuses both, and so does this.
 */
final class ZipEndRecord {
    private static final int SIZE = 22;
    private static final long SIGNATURE = 0x06054b50L;
    private static final long ZIP64_MARK = 0xFFFFFFFFL;

    private ZipEndRecord() {}

    /** Refuses {@code zip} unless its end record declares exactly the {@code entriesRead} records before it. */
    static void requireWholeDirectory(byte[] zip, int entriesRead) throws ZipException {
        int at = zip.length - SIZE; // the library's search: the last signature before the end
        while (at >= 0 && ZipLong.getValue(zip, at) != SIGNATURE) {
            at--;
        }
        if (at < 0 || at + SIZE + ZipShort.getValue(zip, at + 20) != zip.length) {
            throw new ZipException("corrupt zip, or cut short: the end of central directory record does not end the file");
        }
        int count = ZipShort.getValue(zip, at + 10);
        long size = ZipLong.getValue(zip, at + 12);
        long offset = ZipLong.getValue(zip, at + 16);
        if (ZipShort.getValue(zip, at + 4) != 0 || ZipShort.getValue(zip, at + 6) != 0
                || ZipShort.getValue(zip, at + 8) != count) {
            throw new ZipException("a zip split over several disks is not read");
        }
        if (count == 0xFFFF || size == ZIP64_MARK || offset == ZIP64_MARK) {
            throw new ZipException("a zip64 archive is not read");
        }
        if (offset + size != at) {
            throw new ZipException("corrupt zip: the central directory does not end where the end record begins");
        }
        if (count != entriesRead) {
            throw new ZipException("corrupt zip: the end record counts " + count + " entries, the central directory"
                    + " holds " + entriesRead + " readable ones");
        }
    }
}
