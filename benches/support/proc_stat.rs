//! CPU times from `/proc/self/stat`, for benchmarks that measure CPU rather than wall time on
//! a shared machine. Linux only; elsewhere every figure reads as zero.

use std::time::Duration;

/// The sum of two adjacent tick counters of `/proc/self/stat`, `first` counted from the
/// field after the command name (which is in parentheses and may hold spaces). Ticks are
/// 10 ms.
fn ticks(first: usize) -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<u64> = after
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    let ticks =
        fields.get(first).copied().unwrap_or(0) + fields.get(first + 1).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// User and system time of this process, every thread included (utime, stime: fields 14
/// and 15 of the line).
#[allow(dead_code)]
pub fn process() -> Duration {
    ticks(11)
}

/// User and system time of the child processes waited for (cutime, cstime: fields 16 and 17).
#[allow(dead_code)]
pub fn children() -> Duration {
    ticks(13)
}
