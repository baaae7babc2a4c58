package io.modelprint.lab.eval;

import java.util.Map;

/**
 * One scheme judged by calibrated verdicts on the zoo: fingerprinted with the owner's fleet (whose
 * hash {@code fleetSha256} is part of the key, so another fleet is another run), calibrated on the
 * fleet's references that did not choose its queries, and every suspect called derived or not at
 * the bench's alpha.
 */
public record VerdictRun(String scheme, int n, Map<String, Object> parameters, String fleetSha256) implements ZooRun {
    @Override
    public Map<String, Object> schemeParameters() {
        return asSchemeRun().schemeParameters();
    }

    /** E.g. "verdict-fleet-llr-n100-3fa2c1d0e4b5". */
    @Override
    public String fileName() {
        return "verdict-" + asSchemeRun().key() + "-" + fleetSha256.substring(0, 12);
    }

    /** The run as the comparison names it (scheme, n, parameters), for reports. */
    public SchemeRun asSchemeRun() {
        return new SchemeRun(scheme, n, parameters);
    }
}
