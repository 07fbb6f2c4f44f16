//! Work split over every core with scoped threads, results in input order, so that the
//! output never depends on the number of threads. Loading and reporting 100,000 records
//! need every core of a small machine to stay well under a second; a thread pool crate
//! would be one more dependency for a few call sites.

/// Threads worth starting for `jobs` independent pieces of work.
fn workers(jobs: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(jobs)
}

/// `f` over each item, on every core; the results come back in the order of `items`.
/// Items are dealt round-robin, which spreads uneven items (files of different sizes) well.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = workers(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let f = &f;
    let mut slots: Vec<Option<R>> = Vec::new();
    slots.resize_with(items.len(), || None);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                scope.spawn(move || {
                    items
                        .iter()
                        .enumerate()
                        .skip(worker)
                        .step_by(workers)
                        .map(|(i, item)| (i, f(item)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            // A worker only panics on a bug; let it surface as one.
            let done = handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, result) in done {
                slots[i] = Some(result);
            }
        }
    });
    slots.into_iter().flatten().collect()
}

/// `f` over consecutive chunks of at most `size` items, on every core, in order.
pub(crate) fn map_chunks<'s, T: Sync, R: Send>(
    items: &'s [T],
    size: usize,
    f: impl Fn(&'s [T]) -> R + Sync,
) -> Vec<R> {
    let chunks: Vec<&'s [T]> = items.chunks(size.max(1)).collect();
    map(&chunks, |chunk| f(chunk))
}

/// Sorts like `slice::sort_by` (stable), on every core: each core sorts a run, then the runs
/// are merged, earlier runs first among equals, so that the order is the one a single
/// stable sort gives whatever the number of cores.
pub(crate) fn sort_by<T: Send + Clone>(
    items: &mut [T],
    compare: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
) {
    // Below this a sort takes a few milliseconds: not worth starting threads.
    const MIN_PARALLEL: usize = 20_000;
    let workers = workers(items.len() / (MIN_PARALLEL / 2));
    if items.len() < MIN_PARALLEL || workers <= 1 {
        items.sort_by(compare);
        return;
    }
    let compare = &compare;
    let run = items.len().div_ceil(workers);
    std::thread::scope(|scope| {
        for chunk in items.chunks_mut(run) {
            scope.spawn(move || chunk.sort_by(compare));
        }
    });
    let mut heads: Vec<&[T]> = items.chunks(run).collect();
    let mut merged = Vec::with_capacity(items.len());
    loop {
        let mut best: Option<usize> = None;
        for (i, head) in heads.iter().enumerate() {
            let Some(first) = head.first() else { continue };
            // Strictly less: among equals the earlier run wins, as in a stable sort.
            if best.is_none_or(|b| compare(first, &heads[b][0]).is_lt()) {
                best = Some(i);
            }
        }
        let Some(best) = best else { break };
        merged.push(heads[best][0].clone());
        heads[best] = &heads[best][1..];
    }
    items.clone_from_slice(&merged);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<usize> = (0..1000).collect();
        assert_eq!(
            map(&items, |i| i * 2),
            (0..1000).map(|i| i * 2).collect::<Vec<_>>()
        );
        let sums = map_chunks(&items, 300, |c| c.iter().sum::<usize>());
        assert_eq!(sums.len(), 4);
        assert_eq!(sums.iter().sum::<usize>(), items.iter().sum::<usize>());
        assert!(map(&[] as &[usize], |i| *i).is_empty());
    }

    #[test]
    fn a_sort_on_every_core_is_the_stable_sort() {
        // Pairs compared on their first half only: ties keep their input order.
        let items: Vec<(u32, u32)> = (0..50_000u32).map(|i| ((i * 7919) % 97, i)).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|a| a.0);
        let mut sorted = items;
        sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
        assert!(sorted == expected);
    }
}
