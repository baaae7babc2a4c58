package io.modelprint.scheme;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.model.Classifier;
import io.modelprint.fleet.Fleet;
import io.modelprint.fleet.FleetMember;
import java.util.List;

/**
 * The top-1 labels some fleet members give to a batch of candidate inputs: one row per member, one
 * column per candidate. Each member is opened once, asked every candidate (in batches) and closed,
 * so a fleet on disk is read once per question however many candidates there are.
 */
public record FleetAnswers(List<FleetMember> members, long[][] labels) {

    public FleetAnswers {
        members = List.copyOf(members);
        if (labels.length != members.size()) {
            throw new IllegalArgumentException(members.size() + " members but " + labels.length + " rows of labels");
        }
    }

    /** Asks every one of {@code members} of {@code fleet} the {@code count} flattened images in {@code values}. */
    public static FleetAnswers ask(Fleet fleet, List<FleetMember> members, float[] values, int count, ProgressListener progress) {
        long[][] labels = new long[members.size()][];
        for (int m = 0; m < members.size(); m++) {
            FleetMember member = members.get(m);
            try (Classifier model = fleet.open(member)) {
                long[] answered = Labels.predict(model, values, count);
                for (long label : answered) {
                    if (label < 0 || label >= fleet.numClasses()) {
                        throw new InputException("fleet " + fleet.location() + ": " + member.describe() + " answered label " + label
                                + ", outside the fleet's " + fleet.numClasses() + " classes");
                    }
                }
                labels[m] = answered;
            }
            progress.update(m + 1, members.size(), "fleet models asked");
        }
        return new FleetAnswers(members, labels);
    }

    public int candidates() {
        return labels.length == 0 ? 0 : labels[0].length;
    }

    /** The same members' answers to the candidates at {@code columns} only, in that order. */
    public FleetAnswers columns(int[] columns) {
        long[][] picked = new long[labels.length][columns.length];
        for (int m = 0; m < labels.length; m++) {
            for (int i = 0; i < columns.length; i++) {
                picked[m][i] = labels[m][columns[i]];
            }
        }
        return new FleetAnswers(members, picked);
    }

    /** Per candidate, how many members gave the label in {@code reference} (the target's, usually). */
    public int[] agreeing(long[] reference) {
        int[] count = new int[reference.length];
        for (long[] row : labels) {
            if (row.length != reference.length) {
                throw new IllegalArgumentException(row.length + " answers compared with " + reference.length + " labels");
            }
            for (int i = 0; i < row.length; i++) {
                count[i] += row[i] == reference[i] ? 1 : 0;
            }
        }
        return count;
    }
}
