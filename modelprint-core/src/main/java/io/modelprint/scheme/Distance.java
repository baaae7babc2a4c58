package io.modelprint.scheme;

/** How close a suspect's representation is to the fingerprint's; higher means more alike. */
public interface Distance<R> {
    String name();

    double similarity(R fingerprint, R suspect);
}
