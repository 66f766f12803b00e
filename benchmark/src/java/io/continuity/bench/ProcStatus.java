package io.continuity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory of a process as Linux reports it in {@code /proc/<pid>/status}. */
final class ProcStatus {

    private ProcStatus() {
    }

    /** Resident set size now, in MiB. */
    static double rssMiB(long pid) {
        return kib(pid, "VmRSS:") / 1024.0;
    }

    /** Peak resident set size so far ("high water mark"), in MiB. */
    static double peakRssMiB(long pid) {
        return kib(pid, "VmHWM:") / 1024.0;
    }

    private static long kib(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith(field))
                    .map(l -> Long.parseLong(l.substring(field.length()).replace("kB", "").trim())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + field + " for process " + pid));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of process " + pid + " (Linux /proc is required)", e);
        }
    }

    /** CPU time (user + system) the process has used so far, in seconds (Linux clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
        }
    }

    /** The 1-, 5- and 15-minute load averages: how busy the machine was besides the benchmark. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
