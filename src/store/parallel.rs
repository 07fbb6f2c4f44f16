//! Work split over every core, results in input order, so that the output never depends on
//! the number of threads: rayon's order-keeping parallel iterators and stable parallel sort.
//! Loading and reporting 100,000 records need every core of a small machine to stay well
//! under a second.

use rayon::prelude::*;

/// `f` over each item, on every core; the results come back in the order of `items`.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    // One item at a time: files of very different sizes spread over the cores.
    items.par_iter().with_max_len(1).map(f).collect()
}

/// `f` over consecutive chunks of at most `size` items, on every core, in order.
pub(crate) fn map_chunks<'s, T: Sync, R: Send>(
    items: &'s [T],
    size: usize,
    f: impl Fn(&'s [T]) -> R + Sync + Send,
) -> Vec<R> {
    items
        .par_chunks(size.max(1))
        .with_max_len(1)
        .map(f)
        .collect()
}

/// Sorts like `slice::sort_by` (stable), on every core.
pub(crate) fn sort_by<T: Send>(
    items: &mut [T],
    compare: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
) {
    // Below this a sort takes a few milliseconds: not worth the threads.
    const MIN_PARALLEL_SORT: usize = 20_000;
    if items.len() < MIN_PARALLEL_SORT {
        items.sort_by(compare);
    } else {
        items.par_sort_by(compare);
    }
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
