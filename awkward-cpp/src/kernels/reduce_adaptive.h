// Shared by awkward_reduce_sum/max/min (not generated): the segment loop that picks, while it
// runs, between the block path of reduce_block.h and the plain per-value loop (sum; min and max
// take the block loop without trials, see awkward_reduce_segments).
//
// Neither loop wins everywhere. On list lengths that vary at random the block path is about
// twice as fast (the plain loop's exit is mispredicted once per list); on lengths that repeat
// with a short period (the branch predictor learns them) the plain loop is 12-20% faster (the
// block always reads and masks 8 values). Which one the data favours shows only in the timing,
// so the segments go in chunks of AWKWARD_REDUCE_CHUNK: a trial times four chunks, block, plain,
// plain, block (cost per value + segment, steady_clock; the least of each pair, since an
// interrupt or a cold start only adds time and spoils one of the two), the cheaper loop then
// runs the next AWKWARD_REDUCE_RUN chunks, and the trial is repeated, so that a change of
// pattern in the data is followed; while trials agree, the run doubles up to
// AWKWARD_REDUCE_RUN_MAX chunks (a trial costs ~3% of the run after it where the loser is twice
// as slow, so ~0.4% at the longest). An input too short for one trial takes the block loop.
// Both loops give the same results, bit for bit (same order of operations), so the choice only
// changes the speed; and the chunks go in order, each stopping at its first segment out of
// range, so the error names the same first bad segment as one sequential loop would.
//
// awkward_reduce_strategy forces one loop (awkward_cpp._ext._set_reduce_strategy, for tests and
// benchmarks only): they must be able to cover both loops whatever the timings say.
#ifndef AWKWARD_REDUCE_ADAPTIVE_H_
#define AWKWARD_REDUCE_ADAPTIVE_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <type_traits>

#define AWKWARD_REDUCE_CHUNK 2048  // segments
#define AWKWARD_REDUCE_TRIAL 4     // chunks timed per trial
#define AWKWARD_REDUCE_RUN 64      // chunks run with the choice of a trial, at first
#define AWKWARD_REDUCE_RUN_MAX 512  // ... doubled up to this while the trials agree

enum awkward_reduce_strategy_kind {
  AWKWARD_REDUCE_ADAPTIVE = 0,
  AWKWARD_REDUCE_FORCE_BLOCK = 1,
  AWKWARD_REDUCE_FORCE_PLAIN = 2,
};

// one for the whole extension (C++17 inline variable); only tests and benchmarks change it
inline std::atomic<int> awkward_reduce_strategy{AWKWARD_REDUCE_ADAPTIVE};

#if defined(__GNUC__) || defined(__clang__)
#define AWKWARD_REDUCE_NOINLINE __attribute__((noinline))
#elif defined(_MSC_VER)
#define AWKWARD_REDUCE_NOINLINE __declspec(noinline)
#else
#define AWKWARD_REDUCE_NOINLINE
#endif

// Segments [begin, end): checks each one's bounds and hands it to
// reduce(i, start, stop, std::bool_constant<BLOCK>). Returns the first bad segment, or -1.
// Not inlined: the trials then time the very code (one copy per loop) that runs after them.
// `reduce` by value: its captures are locals, which no store through toptr can change.
template <bool BLOCK, typename REDUCE>
AWKWARD_REDUCE_NOINLINE int64_t awkward_reduce_segment_range(REDUCE reduce,
                                                             const int64_t* fromstarts,
                                                             const int64_t* fromstops,
                                                             int64_t fromlength, int64_t begin,
                                                             int64_t end) {
  for (int64_t i = begin; i < end; i++) {
    const int64_t start = fromstarts[i];
    const int64_t stop = fromstops[i];
    if (start < 0 || stop < start || stop > fromlength) {
      return i;
    }
    reduce(i, start, stop, std::bool_constant<BLOCK>{});
  }
  return -1;
}

// All `length` segments, with the block loop where HAS_BLOCK (the types reduce_block.h serves)
// and the strategy above, else the plain loop. Returns the first bad segment, or -1.
// TRIALS false (min/max) skips the trials and runs the block loop: their plain loop is no faster
// on repeating lengths in the median (17.7 ms against the block's 12.9 for 10^7 float64 in lists
// of i % 11, interleaved runs), only in its best runs, which is what could win a trial.
template <bool HAS_BLOCK, bool TRIALS = true, typename REDUCE>
inline int64_t awkward_reduce_segments(const REDUCE& reduce, const int64_t* fromstarts,
                                       const int64_t* fromstops, int64_t length,
                                       int64_t fromlength) {
  if constexpr (!HAS_BLOCK) {
    return awkward_reduce_segment_range<false>(reduce, fromstarts, fromstops, fromlength, 0, length);
  } else {
    const int strategy = awkward_reduce_strategy.load(std::memory_order_relaxed);
    if (strategy == AWKWARD_REDUCE_FORCE_PLAIN) {
      return awkward_reduce_segment_range<false>(reduce, fromstarts, fromstops, fromlength, 0, length);
    }
    const int64_t chunk = AWKWARD_REDUCE_CHUNK;
    if (strategy == AWKWARD_REDUCE_FORCE_BLOCK || !TRIALS || length < AWKWARD_REDUCE_TRIAL * chunk) {
      return awkward_reduce_segment_range<true>(reduce, fromstarts, fromstops, fromlength, 0, length);
    }
    // one chunk from segment `begin` with the block (or plain) loop: its first bad segment (or
    // -1) and, in `cost`, its time per unit of work (values + segments)
    auto timed = [&](bool block, int64_t begin, double& cost) -> int64_t {
      const auto t0 = std::chrono::steady_clock::now();
      const int64_t bad =
          block ? awkward_reduce_segment_range<true>(reduce, fromstarts, fromstops, fromlength,
                                                     begin, begin + chunk)
                : awkward_reduce_segment_range<false>(reduce, fromstarts, fromstops, fromlength,
                                                      begin, begin + chunk);
      const auto t1 = std::chrono::steady_clock::now();
      if (bad < 0) {  // bounds checked: the work can be counted
        int64_t work = chunk;
        for (int64_t k = begin; k < begin + chunk; k++) work += fromstops[k] - fromstarts[k];
        cost = static_cast<double>((t1 - t0).count()) / static_cast<double>(work);
      }
      return bad;
    };
    bool block = true;
    int64_t run = 0;  // chunks to run after this trial (0 before the first)
    int64_t i = 0;
    while (length - i >= AWKWARD_REDUCE_TRIAL * chunk) {
      // block, plain, plain, block: the least cost of each (an interrupt or a cold start
      // only adds time, and spoils at most one of the two)
      double b1 = 0.0, p1 = 0.0, p2 = 0.0, b2 = 0.0;
      int64_t bad;
      if ((bad = timed(true, i, b1)) >= 0) return bad;
      if ((bad = timed(false, i + chunk, p1)) >= 0) return bad;
      if ((bad = timed(false, i + 2 * chunk, p2)) >= 0) return bad;
      if ((bad = timed(true, i + 3 * chunk, b2)) >= 0) return bad;
      const bool choice = (b1 < b2 ? b1 : b2) <= (p1 < p2 ? p1 : p2);
      run = (run == 0 || choice != block) ? AWKWARD_REDUCE_RUN
            : run < AWKWARD_REDUCE_RUN_MAX ? 2 * run
                                          : run;
      block = choice;
      i += AWKWARD_REDUCE_TRIAL * chunk;
      const int64_t end = length - i > run * chunk ? i + run * chunk : length;
      bad = block ? awkward_reduce_segment_range<true>(reduce, fromstarts, fromstops, fromlength, i, end)
                  : awkward_reduce_segment_range<false>(reduce, fromstarts, fromstops, fromlength, i, end);
      if (bad >= 0) return bad;
      i = end;
    }
    // a tail too short for a trial: the last choice
    return block ? awkward_reduce_segment_range<true>(reduce, fromstarts, fromstops, fromlength, i, length)
                 : awkward_reduce_segment_range<false>(reduce, fromstarts, fromstops, fromlength, i, length);
  }
}

#endif  // AWKWARD_REDUCE_ADAPTIVE_H_
