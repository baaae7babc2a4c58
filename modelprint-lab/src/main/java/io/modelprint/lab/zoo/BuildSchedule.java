package io.modelprint.lab.zoo;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which planned model may be built next when several are built at once. A model waits for its
 * parent (a copy needs the target, an adversarial student its label student) and a sweep step for
 * every earlier step of its series (whether the series goes on depends on their accuracy); anything
 * else may start. Among the models that may start, the plan's own order decides, so one worker builds
 * exactly as the sequential builder did.
 */
final class BuildSchedule {
    private final List<SuspectPlan> plans;
    private final Set<String> planned = new HashSet<>();
    private final Set<String> resolved = new HashSet<>();
    private final Set<String> running = new HashSet<>();

    BuildSchedule(List<SuspectPlan> plans) {
        this.plans = List.copyOf(plans);
        plans.forEach(p -> planned.add(p.name()));
    }

    /** The first model in plan order that is neither done nor running and whose dependencies are done. */
    Optional<SuspectPlan> next() {
        for (SuspectPlan plan : plans) {
            if (!resolved.contains(plan.name()) && !running.contains(plan.name()) && dependenciesDone(plan)) {
                return Optional.of(plan);
            }
        }
        return Optional.empty();
    }

    void started(SuspectPlan plan) {
        running.add(plan.name());
    }

    /** Built, found finished, or skipped: either way its dependants may go ahead. */
    void resolved(SuspectPlan plan) {
        running.remove(plan.name());
        resolved.add(plan.name());
    }

    boolean isRunning() {
        return !running.isEmpty();
    }

    boolean isDone() {
        return resolved.size() == plans.size();
    }

    /** Position of a model in the plan, from 1, for log lines. */
    int position(SuspectPlan plan) {
        return plans.indexOf(plan) + 1;
    }

    int left() {
        return plans.size() - resolved.size();
    }

    private boolean dependenciesDone(SuspectPlan plan) {
        if (plan.parent() != null && planned.contains(plan.parent()) && !resolved.contains(plan.parent())) {
            return false;
        }
        if (plan.series() == null) {
            return true;
        }
        for (SuspectPlan earlier : plans) {
            if (earlier == plan) {
                return true;
            }
            if (plan.series().equals(earlier.series()) && !resolved.contains(earlier.name())) {
                return false;
            }
        }
        return true;
    }
}
