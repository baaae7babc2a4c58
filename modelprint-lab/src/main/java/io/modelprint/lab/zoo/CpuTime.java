package io.modelprint.lab.zoo;

import java.time.Duration;

/** CPU seconds this process has used on all its threads: what a model cost, whatever else the machine was doing. */
final class CpuTime {
    private CpuTime() {}

    static double seconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }
}
