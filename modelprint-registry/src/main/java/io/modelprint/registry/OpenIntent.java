package io.modelprint.registry;

/**
 * What a command will do with the registry it opens. A {@link #READ} never writes the database: a
 * read-only SQLite file is opened read-only, a file that holds no registry is refused, not created.
 * A {@link #WRITE} refuses a read-only file before touching it.
 */
public enum OpenIntent {
    READ,
    WRITE
}
