package org.portico.billing;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap while the billing run works, to show whether its memory stays flat: the heap after a
 * full collection before and after, the peak of the heap in use (sampled every 10 ms, garbage included),
 * and the heap left after each collection the JVM ran by itself, by how far the run had got (a quarter of
 * the accounts, half, ...). A run that held on to what it billed would leave more after each collection as
 * it went on.
 */
final class BenchmarkMemory implements AutoCloseable {

	private final DoubleSupplier progress;

	private final long before;

	private final List<double[]> afterCollections = new ArrayList<>();

	private final List<NotificationEmitter> emitters = new ArrayList<>();

	private final NotificationListener listener;

	private final Thread sampler;

	private volatile boolean running = true;

	private volatile long peak;

	private long after;

	/** @param progress how far the run is, from 0 to 1 */
	BenchmarkMemory(DoubleSupplier progress) {
		this.progress = progress;
		this.before = usedAfterFullCollection();
		this.peak = used();
		this.listener = (notification, handback) -> {
			if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				return;
			}
			var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
			long heap = info.getGcInfo()
				.getMemoryUsageAfterGc()
				.entrySet()
				.stream()
				.filter(pool -> isHeap(pool.getKey()))
				.mapToLong(pool -> pool.getValue().getUsed())
				.sum();
			synchronized (afterCollections) {
				afterCollections.add(new double[] { progress.getAsDouble(), heap });
			}
		};
		for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(listener, null, null);
				emitters.add(emitter);
			}
		}
		this.sampler = new Thread(() -> {
			while (running) {
				peak = Math.max(peak, used());
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "benchmark-heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
	}

	@Override
	public void close() throws Exception {
		running = false;
		sampler.join();
		for (var emitter : emitters) {
			emitter.removeNotificationListener(listener);
		}
		after = usedAfterFullCollection();
	}

	/** The figures, one line each, indented for the report. */
	String report() {
		var quarters = new long[4];
		var collections = new int[4];
		synchronized (afterCollections) {
			for (double[] collection : afterCollections) {
				int quarter = (int) Math.min(3, Math.max(0, Math.floor(collection[0] * 4)));
				quarters[quarter] = Math.max(quarters[quarter], (long) collection[1]);
				collections[quarter]++;
			}
		}
		var lines = new StringBuilder();
		lines.append(String.format(Locale.US, "    heap after full GC: before %s, after %s; peak in use (garbage included) %s%n",
				mib(before), mib(after), mib(peak)));
		lines.append("    heap left by the JVM's own collections, largest per quarter of the run:");
		for (int i = 0; i < 4; i++) {
			lines.append(String.format(Locale.US, " %d–%d%%: %s (%d GCs)%s", i * 25, (i + 1) * 25,
					collections[i] == 0 ? "–" : mib(quarters[i]), collections[i], i < 3 ? ";" : ""));
		}
		return lines.append(System.lineSeparator()).toString();
	}

	long peak() {
		return peak;
	}

	private static boolean isHeap(String pool) {
		for (var bean : ManagementFactory.getMemoryPoolMXBeans()) {
			if (bean.getName().equals(pool)) {
				return bean.getType() == java.lang.management.MemoryType.HEAP;
			}
		}
		return false;
	}

	private static long used() {
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		return heap.getUsed();
	}

	private static long usedAfterFullCollection() {
		System.gc();
		System.gc();
		return used();
	}

	static String mib(long bytes) {
		return String.format(Locale.US, "%,.0f MiB", bytes / 1048576.0);
	}
}
