package dev.fntrace.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A small auction service that shows fntrace at work: every call of an
 * {@link AuctionService} function is recorded and served by the
 * {@code /actuator/fntraces} endpoint. Scheduling is on for the heartbeats of
 * {@link LotWatchers}; the scheduler also runs the closes that
 * {@link AuctionService#createLot} schedules. {@link WinnerNotifier} runs {@code @Async}.
 */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
