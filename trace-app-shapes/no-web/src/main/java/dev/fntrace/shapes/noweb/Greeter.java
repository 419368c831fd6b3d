package dev.fntrace.shapes.noweb;

import java.time.Duration;

import dev.fntrace.FnScheduler;
import dev.fntrace.Traced;

import org.springframework.stereotype.Service;

/**
 * Greets people, and reminds them later through the {@link FnScheduler}.
 */
@Service
public class Greeter {

	private final FnScheduler scheduler;

	public Greeter(FnScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Traced
	public String greet(String name) {
		if (name.isBlank()) {
			throw new IllegalArgumentException("Nobody to greet");
		}
		return "Hello, " + name;
	}

	@Traced
	public void remindLater(Runnable reminder) {
		this.scheduler.runAfter(Duration.ZERO, "remind", reminder);
	}

}
