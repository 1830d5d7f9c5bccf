package dev.mlops.core.monitor;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded hand-off between serving threads and the work they must never wait for (checking a
 * closed window, calling listeners). {@link #offer} never blocks: a full queue drops the job (its
 * {@link Job#dropped()} counts it) and returns false. One drainer at a time runs the queued jobs in
 * order on the executor, so jobs of one monitor never run concurrently; a drainer blocked by a
 * listener stalls only this monitor's checks, never serving.
 */
final class CheckHandOff {
  /** A job for the drainer, and what to count when it is dropped instead. */
  interface Job {
    void run();

    void dropped();
  }

  /**
   * The default executor: daemon threads made on demand, idle ones ended after a minute. Each
   * monitor holds at most one of them at a time.
   */
  static final ExecutorService DEFAULT_EXECUTOR = Executors.newCachedThreadPool(new ThreadFactory() {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "mlops-monitor-checks-" + next.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  });

  private final ArrayBlockingQueue<Job> queue;
  private final Executor executor;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong finished = new AtomicLong();
  private final Object idle = new Object();
  private final Runnable drainer = this::drain;

  CheckHandOff(int capacity, Executor executor) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.executor = executor;
  }

  /**
   * Queues a job without blocking.
   *
   * @return false if the queue was full: the job was dropped (and {@link Job#dropped()} called)
   */
  boolean offer(Job job) {
    if (!queue.offer(job)) {
      job.dropped();
      return false;
    }
    accepted.incrementAndGet();
    schedule();
    return true;
  }

  /** Jobs queued or running. */
  long pending() {
    return accepted.get() - finished.get();
  }

  /**
   * Waits until every job accepted so far has run or been dropped.
   *
   * @return false if the time ran out first
   */
  boolean await(Duration timeout) throws InterruptedException {
    long target = accepted.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (finished.get() < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        idle.wait(Math.max(1, left / 1_000_000));
      }
    }
    return true;
  }

  private void schedule() {
    while (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(drainer);
        return;
      } catch (RuntimeException e) {
        // Refused (a shut-down or saturated executor): never fall back to the serving thread.
        int n = dropQueued();
        DriftMonitor.LOG.log(System.Logger.Level.WARNING, "the monitor's executor refused its checks; dropped "
            + n + " queued window checks or drift events", e);
        scheduled.set(false);
      }
    }
  }

  /** Drops every queued job; the caller holds {@link #scheduled}. */
  private int dropQueued() {
    int n = 0;
    for (Job j = queue.poll(); j != null; j = queue.poll()) {
      n++;
      try {
        j.dropped();
      } finally {
        finish();
      }
    }
    return n;
  }

  private void drain() {
    try {
      for (Job j = queue.poll(); j != null; j = queue.poll()) {
        try {
          j.run();
        } finally {
          finish();
        }
      }
    } finally {
      scheduled.set(false);
      schedule();   // a job queued after the last poll but before the flag was cleared
    }
  }

  private void finish() {
    finished.incrementAndGet();
    synchronized (idle) {
      idle.notifyAll();
    }
  }
}
