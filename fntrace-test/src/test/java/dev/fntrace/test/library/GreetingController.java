package dev.fntrace.test.library;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.fntrace.Traced;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Traced handler methods, for {@code @WebMvcTest} slices.
 */
@RestController
public class GreetingController {

	/**
	 * Greet someone at once.
	 */
	@Traced("greet")
	@GetMapping("/greet")
	public String greet(@RequestParam String name) {
		return "Hello " + name;
	}

	/**
	 * Greet someone a little later, from another thread: the call ends when the result is
	 * set.
	 */
	@Traced("greetLater")
	@GetMapping("/greet-later")
	public DeferredResult<String> greetLater(@RequestParam String name) {
		DeferredResult<String> result = new DeferredResult<>();
		CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> result.setResult("Hello " + name));
		return result;
	}

}
