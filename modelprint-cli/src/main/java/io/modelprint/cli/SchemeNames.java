package io.modelprint.cli;

import io.modelprint.scheme.Schemes;
import java.util.Iterator;

/** The registry's scheme names, for picocli's --help and completion. */
final class SchemeNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Schemes.names().iterator();
    }
}
